create table provider_view (
    provider_id uuid primary key,
    agb_code    char(8)      not null,
    name        varchar(200) not null,
    kind        varchar(30)  not null
);
