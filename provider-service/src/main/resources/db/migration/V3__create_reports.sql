-- What providers report: declaration lines (accepted and rejected), waiting times, and the idempotency memory.

create table declaration_line (
    id                uuid        primary key,
    submission_id     uuid        not null,
    provider_agb      char(8)     not null,
    allocation_id     uuid        not null,
    line_ref          varchar(100),
    period_start      date        not null,
    period_end        date        not null,
    product_code      varchar(5)  not null,
    volume            bigint      not null,
    unit              varchar(2)  not null,
    tariff_cents      bigint      not null,
    amount_cents      bigint      not null,
    status            varchar(8)  not null,
    reason_code       varchar(3),
    reason            text,
    received_at       timestamptz not null
);
create index declaration_line_by_allocation on declaration_line (allocation_id, period_start) where status = 'ACCEPTED';
create index declaration_line_by_provider on declaration_line (provider_agb, received_at);

create table waiting_time (
    allocation_id uuid        primary key,
    provider_agb  char(8)     not null,
    request_date  date        not null,
    start_date    date        not null,
    waiting_days  integer     not null,
    reported_at   timestamptz not null
);

-- A retried submission with the same key gets the first answer back; the row is written in the transaction
-- that does the work, so a concurrent retry waits for it and an answer exists iff the work committed.
create table idempotent_submission (
    provider_agb  char(8)     not null,
    key           varchar(200) not null,
    request_hash  char(64)    not null,
    status        integer,
    response      text,
    created_at    timestamptz not null default now(),
    primary key (provider_agb, key)
);
