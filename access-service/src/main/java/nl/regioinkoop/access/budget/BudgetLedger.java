package nl.regioinkoop.access.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.BudgetCommitted;
import nl.regioinkoop.events.access.BudgetRealised;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/**
 * Moves money on budget lines inside the caller's transaction, and announces each movement. A commitment is ONE
 * conditional update: PostgreSQL re-checks its condition on the latest row version after waiting for a concurrent
 * writer, so however many allocations race, committed + realised never passes the amount without an override.
 */
@Singleton
public class BudgetLedger {
    private final JdbcOperations jdbc;
    private final BudgetLines lines;
    private final Outbox outbox;
    private final Clock clock;

    BudgetLedger(JdbcOperations jdbc, BudgetLines lines, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The result of a commitment: whether the override was needed. */
    public record Commitment(boolean overridden) {
    }

    private record Moved(String municipalityCode, int year, String line, long committed, long realised) {
    }

    /**
     * Commits {@code cents} on the line for an allocation.
     *
     * @param overrideReason non-null only when the caller may exceed the amount; used only when it must be
     * @throws BudgetExceeded when it does not fit and no override is given; nothing has changed then
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Commitment commit(UUID lineId, UUID allocationId, long cents, @Nullable String overrideReason) {
        if (cents < 0) {
            throw new IllegalArgumentException("a commitment is positive; release instead");
        }
        // the conditional update and its movement in one statement: one round trip less while the line is locked
        Moved moved = update("""
                with moved as (
                  update budget_line set committed_cents = committed_cents + ?, updated_at = now()
                  where id = ? and committed_cents + realised_cents + ? <= amount_cents
                  returning id, municipality_code, year, line, committed_cents, realised_cents),
                movement as (
                  insert into budget_movement (budget_line_id, allocation_id, kind, amount_cents, overridden, at)
                  select id, ?, 'COMMIT', ?, false, now() from moved)
                select municipality_code, year, line, committed_cents, realised_cents from moved""",
                cents, lineId, cents, allocationId, cents);
        boolean overridden = false;
        if (moved == null) {
            if (overrideReason == null) {
                BudgetLine line = lines.findById(lineId).orElseThrow(() -> ProblemException.notFound("Budget line"));
                throw new BudgetExceeded(line, cents);
            }
            overridden = true;
            moved = update("""
                    update budget_line set committed_cents = committed_cents + ?, updated_at = now() where id = ?
                    returning municipality_code, year, line, committed_cents, realised_cents""", cents, lineId);
            record(lineId, allocationId, "COMMIT", cents, true, overrideReason, null);
        }
        outbox.append(Topics.BUDGETS_V1, new BudgetCommitted(Outbox.newEventId(), clock.instant(), lineId,
                moved.municipalityCode(), moved.year(), moved.line(), allocationId, cents, moved.committed(), overridden,
                overridden ? overrideReason : null));
        return new Commitment(overridden);
    }

    /** Gives back what an allocation will no longer use (ended, withdrawn, shortened). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void release(UUID lineId, UUID allocationId, long cents) {
        if (cents <= 0) {
            return;
        }
        Moved moved = update("""
                update budget_line set committed_cents = committed_cents - ?, updated_at = now() where id = ?
                returning municipality_code, year, line, committed_cents, realised_cents""", cents, lineId);
        record(lineId, allocationId, "RELEASE", -cents, false, null, null);
        outbox.append(Topics.BUDGETS_V1, new BudgetCommitted(Outbox.newEventId(), clock.instant(), lineId,
                moved.municipalityCode(), moved.year(), moved.line(), allocationId, -cents, moved.committed(), false,
                null));
    }

    /**
     * An accepted declaration: {@code fromCommitted} leaves committed, {@code amount} enters realised.
     *
     * @return false when this declaration line was realised before (a republished line): nothing changes
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean realise(UUID lineId, UUID allocationId, UUID declarationLineId, long fromCommitted, long amount) {
        if (declarationLineId != null && realisedBefore(declarationLineId)) {
            return false;
        }
        Moved moved = update("""
                update budget_line set committed_cents = committed_cents - ?, realised_cents = realised_cents + ?,
                  updated_at = now() where id = ?
                returning municipality_code, year, line, committed_cents, realised_cents""", fromCommitted, amount, lineId);
        record(lineId, allocationId, "REALISE", amount, false, null, declarationLineId);
        outbox.append(Topics.BUDGETS_V1, new BudgetRealised(Outbox.newEventId(), clock.instant(), lineId,
                moved.municipalityCode(), moved.year(), moved.line(), allocationId, declarationLineId, amount,
                moved.committed(), moved.realised()));
        return true;
    }

    boolean realisedBefore(UUID declarationLineId) {
        return jdbc.prepareStatement("select 1 from budget_movement where declaration_line_id = ?", st -> {
            try {
                st.setObject(1, declarationLineId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Moved update(String sql, Object... values) {
        return jdbc.prepareStatement(sql, st -> {
            try {
                for (int i = 0; i < values.length; i++) {
                    st.setObject(i + 1, values[i]);
                }
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? new Moved(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5)) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void record(UUID lineId, UUID allocationId, String kind, long cents, boolean overridden, String reason,
                        UUID declarationLineId) {
        jdbc.prepareStatement("""
                insert into budget_movement (budget_line_id, allocation_id, kind, amount_cents, overridden,
                  override_reason, declaration_line_id, at) values (?, ?, ?, ?, ?, ?, ?, now())""", st -> {
            try {
                st.setObject(1, lineId);
                st.setObject(2, allocationId);
                st.setString(3, kind);
                st.setLong(4, cents);
                st.setBoolean(5, overridden);
                st.setString(6, reason);
                st.setObject(7, declarationLineId);
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
