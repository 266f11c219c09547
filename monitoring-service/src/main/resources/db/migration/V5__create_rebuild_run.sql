-- Every rebuild of the read models, whichever replica ran it: GET /admin/rebuild on any replica shows the latest.
create table rebuild_run (
    id             bigserial primary key,
    state          text        not null check (state in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    requested_by   text        not null,
    reason         text        not null,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    events_read    bigint      not null default 0,
    events_applied bigint      not null default 0,
    error          text
);

-- One row: whether the live listeners may write into the read models. Closed (open = false) from the moment a
-- rebuild empties them until that rebuild (run_id) has replayed every topic, on every replica: a listener's batch
-- reads this row FOR SHARE first and waits while it is closed, so no replica writes into a half-built read model.
-- It stays closed when the rebuild fails or its replica dies; the next rebuild (resumed by any replica) opens it.
create table read_model_fence (
    id     integer primary key check (id = 1),
    open   boolean not null,
    run_id bigint references rebuild_run (id)
);
insert into read_model_fence (id, open, run_id) values (1, true, null);
