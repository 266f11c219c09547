-- Least privilege: the service's role owns this database and runs its migrations, yet the audit log is append-only
-- for it too. It may read and insert audit rows, never update, delete or truncate them: an owner's own privileges
-- can be revoked like anyone's, and the database then refuses such a statement ("permission denied") before the
-- V1/V7 triggers (which still refuse it for everyone else, a superuser included) are even asked.
-- The one way rows leave stays purge_audit_log(keep): inside its own transaction it grants the calling role DELETE,
-- deletes the rows past their retention (the V7 row trigger checks each one), and revokes DELETE again. Grants are
-- transactional, so no other statement or session ever holds it, and a purge that fails takes its grant back with
-- it. A later migration that must change audit rows grants itself what it needs and revokes it in the same script.
do $$
begin
    execute format('revoke update, delete, truncate on table audit_log from %I',
                   (select tableowner from pg_tables where schemaname = current_schema() and tablename = 'audit_log'));
end $$;
revoke update, delete, truncate on table audit_log from public;

create or replace function purge_audit_log(keep interval) returns bigint language plpgsql as $$
declare
    removed bigint;
begin
    if keep < interval '1 year' then
        raise exception 'audit_log rows are kept at least a year, not %', keep;
    end if;
    execute format('grant delete on table audit_log to %I', current_user);
    perform set_config('regio.audit_log_purge_before', (now() - keep)::text, true);
    delete from audit_log where at < now() - keep;
    get diagnostics removed = row_count;
    perform set_config('regio.audit_log_purge_before', '', true);
    execute format('revoke delete on table audit_log from %I', current_user);
    return removed;
end $$;
