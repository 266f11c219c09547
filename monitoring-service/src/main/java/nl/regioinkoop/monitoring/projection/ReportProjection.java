package nl.regioinkoop.monitoring.projection;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.CareStarted;
import nl.regioinkoop.events.provider.CareStopped;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.events.provider.DeclarationRejected;
import nl.regioinkoop.events.provider.OutcomeReported;
import nl.regioinkoop.events.provider.WaitingTimeReported;
import nl.regioinkoop.monitoring.sql.Db;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Providers' reports on an allocation: start and stop of care, accepted declarations (the realised spend, summed
 * per allocation and month), outcomes and waiting times. A report may come before monitoring has seen the
 * allocation itself (another topic); it then starts the allocation's row with what it knows.
 */
@KafkaListener(groupId = ReportProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ReportProjection implements Projection {
    static final String GROUP = "monitoring.reports";

    private final Listening events;
    private final Db db;
    private final SpendSummary spend;
    private final DeclarationRun declarations;

    ReportProjection(Listening events, Db db, SpendSummary spend, DeclarationRun declarations) {
        this.events = events;
        this.db = db;
        this.spend = spend;
        this.declarations = declarations;
    }

    @Topic(Topics.PROVIDER_REPORTS_V1)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        events.applyOnce(this, records, consumer);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String topic() {
        return Topics.PROVIDER_REPORTS_V1;
    }

    @Override
    public boolean writesSharedRows() {
        return true;
    }

    /**
     * Declarations are by far the most numerous events: each run of consecutive ones is applied as a few set-based
     * statements ({@link DeclarationRun}); any other report is applied on its own, in its place in the batch.
     */
    /** DeclarationReason.ALLOCATION_UNKNOWN of provider-service: the line's allocation id is no allocation of its. */
    static final String UNKNOWN_ALLOCATION = "D02";

    @Override
    public void applyAll(List<DomainEvent> events) {
        List<DeclarationAccepted> run = new ArrayList<>();
        for (DomainEvent event : events) {
            if (event instanceof DeclarationAccepted d) {
                run.add(d);
            } else {
                declarations.apply(run);
                run.clear();
                apply(event);
            }
        }
        declarations.apply(run);
    }

    @Override
    public void apply(DomainEvent event) {
        if (event instanceof DeclarationAccepted d) {
            known(d.allocationId(), d.municipalityCode(), d.providerAgb(), Pseudonyms.safe(d.clientPseudonym(), d.eventId()));
            db.update("""
                    insert into spend_month (allocation_id, month, realised_cents, lines)
                    values (?, date_trunc('month', ?::date)::date, ?, 1)
                    on conflict (allocation_id, month) do update set
                      realised_cents = spend_month.realised_cents + excluded.realised_cents,
                      lines = spend_month.lines + 1""",
                    d.allocationId(), d.periodStart(), d.amountCents());
            spend.add(d.allocationId(), d.periodStart(), d.amountCents());
            db.update("""
                    update allocation_fact set
                      declared_from = least(coalesce(declared_from, date_trunc('month', ?::date)::date),
                                            date_trunc('month', ?::date)::date),
                      declared_to = greatest(coalesce(declared_to, date_trunc('month', ?::date)::date),
                                             date_trunc('month', ?::date)::date)
                    where allocation_id = ?""",
                    d.periodStart(), d.periodStart(), d.periodStart(), d.periodStart(), d.allocationId());
        } else if (event instanceof DeclarationRejected r) {
            if (UNKNOWN_ALLOCATION.equals(r.reasonCode())) {
                // the line named no allocation of this provider: there is no allocation to count it against, and
                // a row for its id would be a phantom allocation in every figure (or another provider's id)
                return;
            }
            known(r.allocationId(), r.municipalityCode(), r.providerAgb(), null);
            db.update("update allocation_fact set rejected_lines = rejected_lines + 1 where allocation_id = ?",
                    r.allocationId());
        } else if (event instanceof CareStarted s) {
            known(s.allocationId(), s.municipalityCode(), s.providerAgb(), Pseudonyms.safe(s.clientPseudonym(), s.eventId()));
            db.update("update allocation_fact set care_start = ? where allocation_id = ?", s.startDate(), s.allocationId());
        } else if (event instanceof CareStopped s) {
            known(s.allocationId(), s.municipalityCode(), s.providerAgb(), Pseudonyms.safe(s.clientPseudonym(), s.eventId()));
            db.update("update allocation_fact set care_stop = ?, stop_reason = ? where allocation_id = ?",
                    s.stopDate(), s.reasonCode(), s.allocationId());
        } else if (event instanceof OutcomeReported o) {
            known(o.allocationId(), o.municipalityCode(), o.providerAgb(), Pseudonyms.safe(o.clientPseudonym(), o.eventId()));
            db.update("update allocation_fact set goal_realised = ?, satisfaction = ? where allocation_id = ?",
                    o.goalRealised(), o.satisfaction(), o.allocationId());
        } else if (event instanceof WaitingTimeReported w) {
            known(w.allocationId(), w.municipalityCode(), w.providerAgb(), null);
            db.update("update allocation_fact set waiting_days = ? where allocation_id = ?", w.waitingDays(),
                    w.allocationId());
        }
    }

    /** Makes sure the allocation has a row, without overwriting what its own events put there. */
    private void known(java.util.UUID allocationId, String municipality, String provider, String pseudonym) {
        db.update("""
                insert into allocation_fact (allocation_id, municipality_code, provider_agb, client_pseudonym)
                values (?, ?, ?, ?)
                on conflict (allocation_id) do update set
                  client_pseudonym = coalesce(allocation_fact.client_pseudonym, excluded.client_pseudonym)""",
                allocationId, municipality, provider, pseudonym);
    }
}
