-- A tender (or open-house admission procedure) is one JSON document: lots, criteria, terms, phases, rankings, awards.
create table tender (
    id          uuid primary key,
    region      varchar(10) not null,
    strategy_id uuid        not null references strategy (id),
    phase       varchar(30) not null,
    created_at  timestamptz not null,
    document    jsonb       not null
);
create index tender_region on tender (region, created_at);

-- a bid in a tender, or an admission to an open house
create table bid (
    id           uuid primary key,
    tender_id    uuid        not null references tender (id),
    lot_id       uuid        not null,
    lead_agb     char(8)     not null,
    party_agbs   text[]      not null,
    kind         varchar(12) not null,
    submitted_at timestamptz not null,
    document     jsonb       not null,
    -- one bid per lead per lot
    unique (tender_id, lot_id, lead_agb)
);
create index bid_parties on bid using gin (party_agbs);

-- one evaluator's score (0-10) of one bid on one award criterion; a second entry replaces the first
create table score (
    tender_id uuid         not null references tender (id),
    bid_id    uuid         not null references bid (id),
    evaluator varchar(200) not null,
    criterion varchar(40)  not null,
    score     numeric(4, 2) not null check (score >= 0 and score <= 10),
    primary key (bid_id, evaluator, criterion)
);

-- questions of bidders and the office's answers: published together as the memorandum of information
create table question (
    id          uuid primary key,
    tender_id   uuid         not null references tender (id),
    number      int          not null,
    lot_id      uuid,
    asked_by    char(8)      not null,
    asked_at    timestamptz  not null,
    text        varchar(4000) not null,
    answer      varchar(8000),
    answered_at timestamptz,
    answered_by varchar(200),
    unique (tender_id, number)
);
