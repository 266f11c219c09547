create table provider (
    id            uuid primary key,
    agb_code      char(8)      not null unique,
    kvk_number    char(8)      not null,
    name          varchar(200) not null,
    kind          varchar(30)  not null,
    active        boolean      not null,
    registered_at timestamptz  not null,
    version       bigint       not null
);
