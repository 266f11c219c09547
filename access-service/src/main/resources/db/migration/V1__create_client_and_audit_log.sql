-- Residents. The BSN is stored in plain text in access's own database, which is the region's identity vault for
-- access (encryption at rest is the database volume's job); lookups go through the keyed pseudonym, so the BSN
-- never appears in a WHERE clause, a log line or an event. The BSN is not a key: records may share one.
create table client (
    id                uuid primary key,
    bsn               char(9)      not null,
    pseudonym         char(64)     not null,
    name              varchar(200) not null,
    birth_date        date         not null,
    municipality_code char(4)      not null,
    registered_at     timestamptz  not null,
    unique (pseudonym, municipality_code)
);
create index client_municipality on client (municipality_code, name);

-- Every read or change of client data, including refusals. Append-only: the trigger refuses update and delete.
create table audit_log (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    subject     varchar(200) not null,
    roles       varchar(200) not null,
    tenant      varchar(20),
    object_type varchar(40)  not null,
    object_id   varchar(64),
    action      varchar(40)  not null,
    result      varchar(20)  not null,
    reason      varchar(500)
);
create index audit_log_object on audit_log (object_type, object_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();
