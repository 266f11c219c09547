-- The allocation check reads a municipality's contracts on every allocation. Its filter and the version of the
-- terms it keeps parsed (contract/ContractCatalogue) used to be computed from the jsonb terms on every read, which
-- detoasted and printed every contract of the municipality twice per allocation (deploy/bench P2). Both are now
-- stored with the row, computed by PostgreSQL from the terms whenever they change, so no write path can forget them.
alter table contract
    add column terms_digest   text  generated always as (md5(terms::text)) stored,
    add column municipalities jsonb generated always as (terms -> 'municipalities') stored;
drop index contract_municipalities;
create index contract_by_municipality on contract using gin (municipalities);
