-- Referrals, and providers' requests for allocation (the JW315 meaning: requesting_provider_agb set, answered
-- within answer_deadline). Triage is recorded on the referral itself: one triage per referral.
create table referral (
    id                      uuid primary key,
    client_id               uuid         not null references client (id),
    municipality_code       char(4)      not null,
    client_pseudonym        char(64)     not null,
    referrer_type           char(2)      not null,
    referrer_name           varchar(200),
    referrer_agb            char(8),
    referral_date           date         not null,
    question                text         not null,
    crisis                  boolean      not null,
    requesting_provider_agb char(8),
    received_on             date,
    answer_deadline         date,
    answered_on             date,
    answer                  varchar(20),
    rejection_reason_code   varchar(2),
    rejection_reason        varchar(500),
    segment                 varchar(60),
    profile                 varchar(40),
    intensity               integer,
    outcome                 varchar(30),
    triage_notes            text,
    triaged_on              date,
    registered_at           timestamptz  not null
);
create index referral_municipality on referral (municipality_code, registered_at);
create index referral_open_requests on referral (municipality_code, answer_deadline)
    where requesting_provider_agb is not null and answered_on is null;

-- One family plan per household: a client belongs to at most one plan.
create table family_plan (
    id                uuid primary key,
    municipality_code char(4)      not null,
    household         varchar(200) not null,
    created_at        timestamptz  not null
);
create table family_plan_member (
    family_plan_id uuid not null references family_plan (id),
    client_id      uuid not null unique references client (id),
    primary key (family_plan_id, client_id)
);
create table family_plan_goal (
    id             uuid primary key,
    family_plan_id uuid        not null references family_plan (id),
    domain         varchar(30) not null,
    description    text        not null,
    target_date    date,
    status         varchar(20) not null,
    updated_at     timestamptz not null
);
