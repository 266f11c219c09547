-- The screens' forms: each rendered form carries an idempotency key; the key is claimed in the transaction of the
-- form's effect, so a double click or a browser retry finds it and is sent to what the first submission made
-- (screen/FormSubmissions). A refusal rolls the claim back with everything else: nothing is remembered.
create table form_submission (
    key        uuid primary key,
    subject    varchar(200) not null,
    action     varchar(60)  not null,
    location   varchar(300),
    created_at timestamptz  not null default now()
);
create index form_submission_created on form_submission (created_at);

-- What a family needs to choose a provider, from the events access already receives: the areas a provider
-- serves (ProviderUpdated) and, from provider.reports.v1, waiting times, satisfaction and dropout (care stopped
-- early by the client or the provider, JZ588 32/33), per provider across the region.
alter table provider add column areas text[];
create table provider_figure (
    provider_agb       char(8) primary key,
    waiting_reports    integer     not null default 0,
    waiting_days_total bigint      not null default 0,
    outcome_reports    integer     not null default 0,
    satisfaction_total bigint      not null default 0,
    stops              integer     not null default 0,
    dropouts           integer     not null default 0,
    updated_at         timestamptz not null
);

-- The worklist's allocations that end within 8 weeks (re-assessment due), and a resident's page.
create index allocation_ending on allocation (municipality_code, valid_to) where status = 'ACTIVE';
create index allocation_client on allocation (client_id);
create index referral_client on referral (client_id);
-- the worklist's referrals to triage, crises first then oldest: read in index order, the first rows only
create index referral_to_triage on referral (municipality_code, crisis desc, referral_date, id)
    where requesting_provider_agb is null and outcome is null;
