-- iStandaarden messages (package message).

-- The ToewijzingNummer of an allocation: a number from this sequence sits in the lowest 32 bits of the allocation's
-- id (allocation/AllocationNumbers), so every service derives it from the id; the column makes it searchable.
create sequence allocation_number_seq minvalue 1 maxvalue 999999999 no cycle;
alter table allocation add column allocation_number bigint generated always as
    (('x' || substr(replace(id::text, '-', ''), 25, 8))::bit(32)::bigint % 1000000000) stored;
create index allocation_by_number on allocation (client_id, allocation_number);

-- The RedenWijziging (reason of change) a JW301 carries after the last change, end or withdrawal, and its moment.
alter table allocation add column change_reason varchar(2);
alter table allocation add column changed_at timestamptz;

-- A provider's JW315/JW317 as the request (referral) it became: the provider's reference comes back in the answer.
create table message_request (
    referral_id        uuid        primary key references referral (id),
    message_type       varchar(6)  not null,
    provider_agb       char(8)     not null,
    provider_reference varchar(36) not null,
    message_id         varchar(12) not null,
    received_at        timestamptz not null default now(),
    unique (provider_agb, provider_reference)
);

-- Every received message once per sender, type and Identificatie: a resend gets the first answer back.
create table message_receipt (
    sender       varchar(8)  not null,
    message_type varchar(6)  not null,
    message_id   varchar(12) not null,
    request_hash text        not null,
    content_type text        not null,
    answer       bytea       not null,
    received_at  timestamptz not null default now(),
    primary key (sender, message_type, message_id)
);
