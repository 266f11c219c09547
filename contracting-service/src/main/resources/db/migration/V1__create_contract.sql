-- A contract is kept as one JSON document (its terms and how they were built) beside the columns reads filter on.
create table contract (
    id             uuid primary key,
    region         varchar(10) not null,
    tender_id      uuid,
    lot_id         uuid,
    provider_agb   char(8)     not null,
    party_agbs     text[]      not null,
    municipalities text[]      not null,
    status         varchar(12) not null,
    version        int         not null,
    signed_at      timestamptz not null,
    document       jsonb       not null
);
create index contract_region on contract (region, signed_at);
create index contract_parties on contract using gin (party_agbs);
create index contract_municipalities on contract using gin (municipalities);
-- one contract per awarded bidder per lot
create unique index contract_per_award on contract (tender_id, lot_id, provider_agb) where tender_id is not null;

-- every version of every contract, never updated: the history
create table contract_history (
    contract_id uuid        not null references contract (id),
    version     int         not null,
    action      varchar(30) not null,
    reason      varchar(500),
    actor       varchar(200) not null,
    occurred_at timestamptz not null,
    terms       jsonb       not null,
    primary key (contract_id, version)
);
