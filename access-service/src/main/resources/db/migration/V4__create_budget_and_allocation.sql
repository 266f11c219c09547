-- A municipality's budget per line (segment or product category) and year. committed + realised never exceeds
-- amount, except by a recorded override: the conditional update in BudgetLedger keeps it so under concurrency.
create table budget_line (
    id                uuid primary key,
    municipality_code char(4)     not null,
    year              integer     not null,
    line              varchar(60) not null,
    amount_cents      bigint      not null check (amount_cents >= 0),
    committed_cents   bigint      not null default 0,
    realised_cents    bigint      not null default 0,
    updated_at        timestamptz not null,
    unique (municipality_code, year, line)
);

-- Every movement on a budget line: commitments (+), releases (-), realisations, overrides with their reason.
create table budget_movement (
    id              bigserial primary key,
    budget_line_id  uuid        not null references budget_line (id),
    allocation_id   uuid,
    kind            varchar(20) not null,
    amount_cents    bigint      not null,
    overridden      boolean     not null default false,
    override_reason varchar(500),
    declaration_line_id uuid unique,
    at              timestamptz not null
);

create table allocation (
    id                  uuid primary key,
    referral_id         uuid        not null references referral (id),
    client_id           uuid        not null references client (id),
    municipality_code   char(4)     not null,
    client_pseudonym    char(64)    not null,
    provider_agb        char(8)     not null,
    contract_id         uuid        not null,
    product_category    varchar(4),
    product_code        varchar(5)  not null,
    segment             varchar(60),
    profile             varchar(40),
    intensity           integer,
    referrer_type       char(2)     not null,
    funding_model       varchar(20) not null,
    volume              bigint      not null,
    unit                char(2)     not null,
    frequency           char(1)     not null,
    valid_from          date        not null,
    valid_to            date        not null,
    tariff_cents        bigint      not null,
    expected_cost_cents bigint      not null,
    committed_cents     bigint      not null,
    realised_cents      bigint      not null,
    budget_line_id      uuid references budget_line (id),
    budget_line         varchar(60),
    chosen_by_family    boolean     not null,
    eligible_providers  text,
    override_reason     varchar(500),
    status              varchar(20) not null,
    end_reason          varchar(2),
    ended_on            date,
    issued_at           timestamptz not null,
    updated_at          timestamptz not null
);
create index allocation_municipality on allocation (municipality_code, issued_at);
create index allocation_provider on allocation (provider_agb);
