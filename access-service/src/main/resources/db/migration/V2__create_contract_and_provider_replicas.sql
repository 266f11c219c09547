-- Replicas of contracting-service's contracts and provider-service's providers, fed by their events, so an
-- allocation is validated locally without calling another service. The full terms are kept as received.
create table contract (
    contract_id    uuid primary key,
    provider_agb   char(8)     not null,
    status         varchar(20) not null,
    valid_from     date        not null,
    valid_to       date        not null,
    suspended_from date,
    terms          jsonb       not null,
    updated_at     timestamptz not null
);
create index contract_municipalities on contract using gin ((terms -> 'municipalities'));

create table provider (
    agb_code    char(8) primary key,
    provider_id uuid         not null,
    name        varchar(200) not null,
    kind        varchar(40),
    active      boolean      not null,
    updated_at  timestamptz  not null
);
