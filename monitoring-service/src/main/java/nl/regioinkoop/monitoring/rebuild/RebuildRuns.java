package nl.regioinkoop.monitoring.rebuild;

import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.sql.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rebuilds as the database keeps them ({@code rebuild_run}), so every replica answers the same state and a
 * replica that starts or resumes a rebuild knows what the others did. Runs in the caller's transaction.
 */
@Singleton
class RebuildRuns {
    private final Db db;

    RebuildRuns(Db db) {
        this.db = db;
    }

    /** One rebuild as stored. */
    record Run(long id, String state, String requestedBy, String reason, Instant startedAt, Instant finishedAt,
               long eventsRead, long eventsApplied, String error) {
        Rebuild.Status status() {
            return new Rebuild.Status(state, requestedBy, startedAt, finishedAt, eventsRead, eventsApplied, error);
        }
    }

    /**
     * A new run, RUNNING; runs left RUNNING by a replica that died are INTERRUPTED from now.
     *
     * @return its id
     */
    long begin(String requestedBy, String reason, Instant startedAt) {
        db.update("update rebuild_run set state = 'INTERRUPTED', finished_at = ? where state = 'RUNNING'",
                Timestamp.from(startedAt));
        return db.query("""
                insert into rebuild_run (state, requested_by, reason, started_at) values ('RUNNING', ?, ?, ?)
                returning id""", List.of(requestedBy, reason, Timestamp.from(startedAt)), rs -> rs.getLong(1)).get(0);
    }

    void progress(long id, long eventsRead, long eventsApplied) {
        db.update("update rebuild_run set events_read = ?, events_applied = ? where id = ?", eventsRead,
                eventsApplied, id);
    }

    /** Ends a run that is still RUNNING: one that another replica took over stays INTERRUPTED. */
    void finish(long id, String state, Instant finishedAt, long eventsRead, long eventsApplied, String error) {
        db.update("""
                update rebuild_run set state = ?, finished_at = ?, events_read = ?, events_applied = ?, error = ?
                where id = ? and state = 'RUNNING'""", state, Timestamp.from(finishedAt), eventsRead, eventsApplied,
                error, id);
    }

    Optional<Run> latest() {
        return db.query("select * from rebuild_run order by id desc limit 1", List.of(), RebuildRuns::run).stream()
                .findFirst();
    }

    Optional<Run> byId(long id) {
        return db.query("select * from rebuild_run where id = ?", List.of(id), RebuildRuns::run).stream().findFirst();
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("state"), rs.getString("requested_by"), rs.getString("reason"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getLong("events_read"), rs.getLong("events_applied"), rs.getString("error"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
