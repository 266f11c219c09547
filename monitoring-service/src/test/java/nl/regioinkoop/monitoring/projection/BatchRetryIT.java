package nl.regioinkoop.monitoring.projection;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.regioinkoop.events.EventCatalogue;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.monitoring.sql.Db;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A live listener applies a polled batch in one transaction. When the batch fails it must be neither skipped nor
 * half-applied: it rolls back, the listener seeks back and retries it until it applies, and then every event in it
 * counts once. The failure is real: a check constraint refuses one declaration's amount until the test drops it.
 */
@MicronautTest(transactional = false)
class BatchRetryIT extends RealInfrastructure {
    private static final long REFUSED_CENTS = 987_654_321;

    @Inject
    EventJson json;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Test
    void aFailingBatchIsRetriedWholeAndAppliesOnceWhenTheCauseIsGone() {
        String key = "batch-retry-" + UUID.randomUUID(); // one key: one partition, so the three stay in this order
        UUID before = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        write("alter table spend_month add constraint batch_retry_it_refused check (realised_cents <> "
                + REFUSED_CENTS + ")");
        try {
            long rollbacks = rollbacks();
            publish(key, List.of(declaration(before, 100), declaration(refused, REFUSED_CENTS),
                    declaration(after, 300)));

            await().atMost(Duration.ofSeconds(30)).until(() -> rollbacks() > rollbacks);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                    rowsOf(refused) == 0 && rowsOf(after) == 0);
        } finally {
            write("alter table spend_month drop constraint batch_retry_it_refused");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf(after) == 1);
        assertEquals("100/1", spendOf(before));
        assertEquals(REFUSED_CENTS + "/1", spendOf(refused));
        assertEquals("300/1", spendOf(after));
    }

    private void publish(String key, List<DeclarationAccepted> declarations) {
        Map<String, Object> config = Infra.kafka().clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20));
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (DeclarationAccepted d : declarations) { // sent together, so they are likely polled as one batch
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(Topics.PROVIDER_REPORTS_V1, key, json.encode(d));
                record.headers().add(new RecordHeader("type",
                        EventCatalogue.typeOf(d).getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private long rowsOf(UUID allocationId) {
        return transactions.executeRead(status -> db.query(
                "select count(*) from allocation_fact where allocation_id = ?", List.of(allocationId),
                rs -> rs.getLong(1)).get(0));
    }

    private String spendOf(UUID allocationId) {
        return transactions.executeRead(status -> db.query(
                "select realised_cents || '/' || lines from spend_month where allocation_id = ?", List.of(allocationId),
                rs -> rs.getString(1))).toString().replaceAll("[\\[\\]]", "");
    }

    /** Rolled-back transactions in this database: the failing batch's attempts among them. */
    private long rollbacks() {
        return transactions.executeRead(status -> db.query(
                "select xact_rollback from pg_stat_database where datname = current_database()", List.of(),
                rs -> rs.getLong(1)).get(0));
    }

    private void write(String sql) {
        transactions.executeWrite(status -> {
            db.execute(sql);
            return null;
        });
    }

    private static DeclarationAccepted declaration(UUID allocationId, long cents) {
        LocalDate month = LocalDate.of(2034, 4, 1);
        return new DeclarationAccepted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), allocationId, "44440001",
                "1640", "ps-retry", "46", "46A01", month, month.plusDays(27), 1, "14", cents, cents);
    }
}
