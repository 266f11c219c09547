-- The ToewijzingNummer iStandaarden messages refer to: derived from the allocation id (its lowest 32 bits modulo
-- 10^9, see message/AllocationNumbers), where access-service puts a number from its sequence.
alter table allocation_replica add column allocation_number bigint generated always as
    (('x' || substr(replace(allocation_id::text, '-', ''), 25, 8))::bit(32)::bigint % 1000000000) stored;
create index allocation_replica_by_number on allocation_replica (provider_agb, municipality_code, allocation_number);
