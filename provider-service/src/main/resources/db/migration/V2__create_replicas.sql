-- Replicas of other services' aggregates, kept from their events, so that reports are validated locally.

-- An allocation (JW301 meaning) as access-service published it, plus what this provider reported on it.
create table allocation_replica (
    allocation_id     uuid        primary key,
    municipality_code varchar(4)  not null,
    client_pseudonym  text,
    provider_agb      char(8)     not null,
    contract_id       uuid,
    product_category  varchar(2),
    product_code      varchar(5),
    profile           text,
    intensity         integer,
    funding_model     varchar(20),
    volume            bigint      not null,
    unit              varchar(2),
    frequency         varchar(2),
    valid_from        date        not null,
    valid_to          date,
    tariff_cents      bigint      not null,
    ended_on          date,
    end_reason        varchar(2),
    withdrawn         boolean     not null default false,
    declared_volume   bigint      not null default 0,
    care_started_on   date,
    care_stopped_on   date,
    stop_reason       varchar(2),
    outcome_goal      varchar(6),
    outcome_satisfaction integer,
    replicated_at     timestamptz not null default now()
);
create index allocation_replica_by_provider on allocation_replica (provider_agb, valid_from);

-- A contract's state and the tariffs in its current terms (replaced whole on every signed/amended/extended event).
create table contract_replica (
    contract_id    uuid        primary key,
    region         text,
    provider_agb   char(8),
    status         varchar(12) not null,
    valid_from     date,
    valid_to       date,
    suspended_from date,
    ended_on       date,
    replicated_at  timestamptz not null default now()
);

create table contract_tariff (
    contract_id      uuid       not null references contract_replica (contract_id) on delete cascade,
    product_category varchar(2),
    product_code     varchar(5) not null,
    funding_model    varchar(20),
    unit             varchar(2),
    profile          text,
    intensity        integer,
    area             text,
    amount_cents     bigint     not null,
    valid_from       date       not null,
    valid_to         date
);
create index contract_tariff_by_contract on contract_tariff (contract_id, product_code);
