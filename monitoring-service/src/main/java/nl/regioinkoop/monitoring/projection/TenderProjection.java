package nl.regioinkoop.monitoring.projection;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.BidSubmitted;
import nl.regioinkoop.events.contracting.TenderAwarded;
import nl.regioinkoop.events.contracting.TenderPhaseChanged;
import nl.regioinkoop.events.contracting.TenderPublished;
import nl.regioinkoop.monitoring.sql.Db;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** Tenders in progress: phase, lots, bids and awards (the market's pipeline). */
@KafkaListener(groupId = TenderProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class TenderProjection implements Projection {
    static final String GROUP = "monitoring.tenders";

    private final Listening events;
    private final Db db;

    TenderProjection(Listening events, Db db) {
        this.events = events;
        this.db = db;
    }

    @Topic(Topics.TENDERS_V1)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        events.applyOnce(this, records, consumer);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String topic() {
        return Topics.TENDERS_V1;
    }

    @Override
    public void apply(DomainEvent event) {
        if (event instanceof TenderPublished p) {
            db.update("""
                    insert into tender_view (tender_id, region, title, contract_form, phase, lots)
                    values (?, ?, ?, ?, 'PUBLISHED', ?)
                    on conflict (tender_id) do update set region = excluded.region, title = excluded.title,
                      contract_form = excluded.contract_form, lots = excluded.lots""",
                    p.tenderId(), p.region(), p.title(), p.contractForm(), p.lots() == null ? 0 : p.lots().size());
        } else if (event instanceof TenderPhaseChanged c) {
            db.update("""
                    insert into tender_view (tender_id, phase) values (?, ?)
                    on conflict (tender_id) do update set phase = excluded.phase""", c.tenderId(), c.toPhase());
        } else if (event instanceof BidSubmitted b) {
            db.update("""
                    insert into tender_view (tender_id, bids) values (?, 1)
                    on conflict (tender_id) do update set bids = tender_view.bids + 1""", b.tenderId());
        } else if (event instanceof TenderAwarded a && a.definitive()) {
            db.update("""
                    insert into tender_view (tender_id, awarded) values (?, true)
                    on conflict (tender_id) do update set awarded = true""", a.tenderId());
        }
    }
}
