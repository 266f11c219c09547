package nl.regioinkoop.monitoring.projection;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.BudgetCommitted;
import nl.regioinkoop.events.access.BudgetRealised;
import nl.regioinkoop.events.access.BudgetSet;
import nl.regioinkoop.monitoring.sql.Db;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Each municipality's budget lines. The events carry the line's running totals; one line's events share a key and
 * so arrive in order, which makes the latest totals the right ones.
 */
@KafkaListener(groupId = BudgetProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class BudgetProjection implements Projection {
    static final String GROUP = "monitoring.budgets";

    private final Listening events;
    private final Db db;

    BudgetProjection(Listening events, Db db) {
        this.events = events;
        this.db = db;
    }

    @Topic(Topics.BUDGETS_V1)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        events.applyOnce(this, records, consumer);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String topic() {
        return Topics.BUDGETS_V1;
    }

    @Override
    public void apply(DomainEvent event) {
        if (event instanceof BudgetSet set) {
            db.update("""
                    insert into budget_line_view (budget_line_id, municipality_code, year, budget_line, amount_cents)
                    values (?, ?, ?, ?, ?)
                    on conflict (budget_line_id) do update set amount_cents = excluded.amount_cents""",
                    set.budgetLineId(), set.municipalityCode(), set.year(), set.budgetLine(), set.amountCents());
        } else if (event instanceof BudgetCommitted committed) {
            long overridden = committed.overridden() ? Math.max(committed.deltaCents(), 0) : 0;
            db.update("""
                    insert into budget_line_view (budget_line_id, municipality_code, year, budget_line, committed_cents,
                      overridden_cents) values (?, ?, ?, ?, ?, ?)
                    on conflict (budget_line_id) do update set committed_cents = excluded.committed_cents,
                      overridden_cents = budget_line_view.overridden_cents + excluded.overridden_cents""",
                    committed.budgetLineId(), committed.municipalityCode(), committed.year(), committed.budgetLine(),
                    committed.committedCents(), overridden);
        } else if (event instanceof BudgetRealised realised) {
            db.update("""
                    insert into budget_line_view (budget_line_id, municipality_code, year, budget_line, committed_cents,
                      realised_cents) values (?, ?, ?, ?, ?, ?)
                    on conflict (budget_line_id) do update set committed_cents = excluded.committed_cents,
                      realised_cents = excluded.realised_cents""",
                    realised.budgetLineId(), realised.municipalityCode(), realised.year(), realised.budgetLine(),
                    realised.committedCents(), realised.realisedCents());
        }
    }
}
