-- Idempotent consumers: an event id is recorded per consumer group in the transaction that applies it,
-- so a redelivered event finds its row and is skipped.
create table processed_event (
    consumer_group text        not null,
    event_id       uuid        not null,
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
