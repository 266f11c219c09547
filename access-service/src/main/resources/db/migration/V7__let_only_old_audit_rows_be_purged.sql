-- The audit log stays append-only: no UPDATE or TRUNCATE ever, and a DELETE only of rows older than the retention,
-- only through purge_audit_log(keep), which never keeps less than a year (NEN 7513 wants access logs kept; the
-- default retention, regio.retention.audit-log, is five years). The purge names its cut-off in a transaction-local
-- setting that the row trigger checks, so a plain DELETE, or one of rows younger than the cut-off, is refused.
drop trigger audit_log_append_only on audit_log;
create trigger audit_log_append_only before update or truncate on audit_log
    for each statement execute function audit_log_is_append_only();

create function audit_log_delete_only_purged() returns trigger language plpgsql as $$
declare
    cutoff timestamptz := nullif(current_setting('regio.audit_log_purge_before', true), '')::timestamptz;
begin
    if cutoff is null or cutoff > now() - interval '1 year' or old.at >= cutoff then
        raise exception 'audit_log is append-only: only purge_audit_log removes rows past their retention';
    end if;
    return old;
end $$;
create trigger audit_log_delete_only_purged before delete on audit_log
    for each row execute function audit_log_delete_only_purged();

create function purge_audit_log(keep interval) returns bigint language plpgsql as $$
declare
    removed bigint;
begin
    if keep < interval '1 year' then
        raise exception 'audit_log rows are kept at least a year, not %', keep;
    end if;
    perform set_config('regio.audit_log_purge_before', (now() - keep)::text, true);
    delete from audit_log where at < now() - keep;
    get diagnostics removed = row_count;
    perform set_config('regio.audit_log_purge_before', '', true);
    return removed;
end $$;
