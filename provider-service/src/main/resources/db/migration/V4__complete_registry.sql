-- Registry completion: areas served and capacity, change history, qualifications, consortia and tiers.
alter table provider add column areas text[] not null default '{}';
alter table provider add column capacity integer;

create table provider_change (
    id          bigserial    primary key,
    provider_id uuid         not null references provider (id),
    changed_at  timestamptz  not null,
    changed_by  text         not null,
    change      varchar(20)  not null,
    reason      text,
    snapshot    text         not null
);
create index provider_change_by_provider on provider_change (provider_id, id);

create table qualification (
    id          uuid         primary key,
    provider_id uuid         not null references provider (id),
    name        varchar(200) not null,
    issued_by   varchar(200),
    valid_from  date         not null,
    valid_to    date,
    recorded_at timestamptz  not null
);
create index qualification_by_provider on qualification (provider_id, valid_from);

create table consortium (
    id        uuid         primary key,
    name      varchar(200) not null,
    lead_agb  char(8)      not null,
    formed_at timestamptz  not null
);

create table consortium_member (
    consortium_id      uuid       not null references consortium (id),
    agb_code           char(8)    not null,
    role               varchar(6) not null,
    share_basis_points integer    not null,
    primary key (consortium_id, agb_code)
);

create table provider_tier (
    provider_id uuid         not null references provider (id),
    region      varchar(10)  not null,
    tier        varchar(20)  not null,
    since       timestamptz  not null,
    primary key (provider_id, region)
);

create table tier_change (
    id          bigserial    primary key,
    provider_id uuid         not null references provider (id),
    region      varchar(10)  not null,
    from_tier   varchar(20)  not null,
    to_tier     varchar(20)  not null,
    reason      text         not null,
    changed_by  text         not null,
    changed_at  timestamptz  not null
);
create index tier_change_by_provider on tier_change (provider_id, region, id);
