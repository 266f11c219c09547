-- Events are written here in the same transaction as the state change that caused them,
-- and relayed to Kafka after commit (see nl.regioinkoop.kit.outbox.OutboxRelay).
create table outbox (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
