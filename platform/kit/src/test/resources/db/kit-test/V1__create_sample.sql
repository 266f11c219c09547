create table sample (id uuid primary key, name text not null);
