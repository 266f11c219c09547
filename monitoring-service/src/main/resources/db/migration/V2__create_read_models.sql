-- Read models, built only from events. Every row can be rebuilt by replaying the topics from the beginning
-- (see nl.regioinkoop.monitoring.rebuild). Events of different topics may arrive in any order, so each table is
-- filled by upserts that touch only the columns its event knows: the result does not depend on the interleaving.

alter table provider_view add column active boolean not null default true;
alter table provider_view add column areas text[] not null default '{}';
alter table provider_view add column tier varchar(20);
create index provider_view_agb on provider_view (agb_code);

-- One row per allocation: its dimensions (from AllocationIssued), its money, its care and its outcome
-- (from provider reports). A report can arrive before the allocation; then the row starts with what the report knows.
create table allocation_fact (
    allocation_id     uuid primary key,
    referral_id       uuid,
    municipality_code varchar(4),
    client_pseudonym  varchar(200),
    provider_agb      varchar(8),
    contract_id       uuid,
    product_category  varchar(4),
    product_code      varchar(10),
    segment           varchar(60),
    profile           varchar(60),
    intensity         integer,
    referrer_type     varchar(2),
    funding_model     varchar(20),
    budget_line       varchar(60),
    valid_from        date,
    valid_to          date,
    committed_cents   bigint      not null default 0,
    released_cents    bigint      not null default 0,
    status            varchar(12) not null default 'REPORTED',
    end_date          date,
    end_reason        varchar(4),
    care_start        date,
    care_stop         date,
    stop_reason       varchar(4),
    goal_realised     varchar(8),
    satisfaction      integer,
    waiting_days      integer,
    rejected_lines    integer     not null default 0
);
create index allocation_fact_slice on allocation_fact (municipality_code, segment, provider_agb);
create index allocation_fact_validity on allocation_fact (valid_from, valid_to);
create index allocation_fact_contract on allocation_fact (contract_id);
create index allocation_fact_referral on allocation_fact (referral_id);

-- Accepted declarations summed per allocation and month of the declared period: 20 declaration lines of a client
-- become one row per month, and spend in a period is a range scan on month.
create table spend_month (
    allocation_id  uuid   not null,
    month          date   not null,
    realised_cents bigint not null,
    lines          integer not null,
    primary key (allocation_id, month)
);
create index spend_month_month on spend_month (month, allocation_id);

-- A municipality's budget line for a year, as access-service keeps it.
create table budget_line_view (
    budget_line_id    uuid primary key,
    municipality_code varchar(4)  not null,
    year              integer     not null,
    budget_line       varchar(60) not null,
    amount_cents      bigint      not null default 0,
    committed_cents   bigint      not null default 0,
    realised_cents    bigint      not null default 0,
    overridden_cents  bigint      not null default 0
);
create index budget_line_view_scope on budget_line_view (year, municipality_code);

create table contract_view (
    contract_id          uuid primary key,
    tender_id            uuid,
    region               varchar(20),
    provider_agb         varchar(8),
    contract_form        varchar(20),
    segment              varchar(60),
    valid_from           date,
    valid_to             date,
    annual_ceiling_cents bigint,
    status               varchar(12) not null
);

-- Referrals and requests for allocation, and whether (and how) they were answered.
create table referral_fact (
    referral_id             uuid primary key,
    municipality_code       varchar(4),
    client_pseudonym        varchar(200),
    referrer_type           varchar(2),
    referral_date           date,
    crisis                  boolean,
    requesting_provider_agb varchar(8),
    answer_deadline         date,
    segment                 varchar(60),
    profile                 varchar(60),
    intensity               integer,
    triage_outcome          varchar(30),
    triaged_on              date,
    answer                  varchar(10),
    answered_at             timestamptz,
    reject_reason           varchar(4)
);
create index referral_fact_open_requests on referral_fact (answer_deadline) where answer is null
    and requesting_provider_agb is not null;

create table tender_view (
    tender_id     uuid primary key,
    region        varchar(20),
    title         varchar(300),
    contract_form varchar(20),
    phase         varchar(40),
    lots          integer not null default 0,
    bids          integer not null default 0,
    awarded       boolean not null default false
);
