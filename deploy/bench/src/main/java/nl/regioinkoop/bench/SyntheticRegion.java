package nl.regioinkoop.bench;

import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.local.demo.RegionPlan;
import nl.regioinkoop.testkit.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The larger size for P3 and P4, loaded by event replay: {@code large.clients} allocations and
 * {@code large.lines} monthly declarations each, written onto access.allocations.v1 and provider.reports.v1 as
 * access-service and provider-service would publish them (same JSON, same key, same type header), in the demo
 * region's proportions of municipalities, segments, providers and referrers. Only monitoring-service reads them:
 * the other services are stopped first, since these allocations exist in no access or provider database.
 */
final class SyntheticRegion {
    /** monitoring-service's consumer groups and their topics (its README). */
    static final Map<String, String> MONITORING_GROUPS = Map.of(
            "monitoring.referrals", "access.referrals.v1",
            "monitoring.allocations", "access.allocations.v1",
            "monitoring.budgets", "access.budgets.v1",
            "monitoring.providers", "provider.providers.v1",
            "monitoring.reports", "provider.reports.v1",
            "monitoring.contracts", "contracting.contracts.v1",
            "monitoring.tenders", "contracting.tenders.v1");
    private static final String[] REFERRERS = {"02", "01", "03", "04", "05", "06", "08"};
    private static final double[] REFERRER_WEIGHTS = {0.45, 0.28, 0.06, 0.05, 0.09, 0.04, 0.03};

    private SyntheticRegion() {
    }

    /** What was loaded: clients and events, seconds from the first event published until monitoring applied all. */
    record Loaded(int clients, long events, double seconds) {
    }

    /**
     * Publishes rounds of clients and waits after each until monitoring has applied them, until {@code maxClients}
     * are loaded or the next round would not fit in {@code budgetSeconds} at the rate seen so far: the largest size
     * this machine applies in the time given, nothing extrapolated.
     */
    static Loaded load(Platform platform, int maxClients, int linesPerClient, int budgetSeconds) throws Exception {
        int round = Math.min(500, maxClients);
        Random random = new Random(20_261_122L);
        long started = System.nanoTime();
        int clients = 0;
        long events = 0;
        while (round > 0) {
            events += publish(platform, clients, round, linesPerClient, random);
            awaitNoLag(platform.kafka);
            clients += round;
            double elapsed = (System.nanoTime() - started) / 1e9;
            Bench.step(String.format("  %,d clients (%,d events) applied after %.0f s", clients, events, elapsed));
            // the next round: what the rest of the budget holds at the rate seen so far, at most four times this one
            double secondsPerClient = elapsed / clients;
            int fits = (int) ((budgetSeconds - elapsed) / secondsPerClient);
            round = Math.min(Math.min(maxClients - clients, round * 4), fits < 100 ? 0 : fits);
        }
        return new Loaded(clients, events, (System.nanoTime() - started) / 1e9);
    }

    private static long publish(Platform platform, int first, int clients, int linesPerClient, Random random)
            throws Exception {
        RegionPlan plan = new RegionPlan(0, LocalDate.of(2026, 12, 31), 1L);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Map<String, UUID> contracts = new HashMap<>();
        Map<String, Object> producerConfig = KafkaClientSettings.of(platform.kafka).clientConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long events = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = first; i < first + clients; i++) {
                RegionPlan.Municipality municipality = pick(random, RegionPlan.MUNICIPALITIES.stream()
                        .mapToDouble(RegionPlan.Municipality::share).toArray(), RegionPlan.MUNICIPALITIES);
                RegionPlan.Segment segment = pick(random, RegionPlan.SEGMENTS.stream()
                        .mapToDouble(RegionPlan.Segment::clientShare).toArray(), RegionPlan.SEGMENTS);
                List<RegionPlan.Provider> providers = plan.providersOf(segment.code());
                String agb = providers.get(Math.min(providers.size() - 1,
                        (int) Math.floor(Math.pow(random.nextDouble(), 2.2) * providers.size()))).agb();
                UUID contract = contracts.computeIfAbsent(agb, a -> UUID.nameUUIDFromBytes(("contract-" + a).getBytes()));
                String pseudonym = HexFormat.of().formatHex(sha.digest(("bench-large-" + i).getBytes(StandardCharsets.UTF_8)));
                UUID allocation = UUID.randomUUID();
                int firstMonth = 1 + random.nextInt(12);
                LocalDate validFrom = YearMonth.of(2026, firstMonth).atDay(1);
                long unitsPerMonth = segment.unitsPerWeek() * 4L;
                long tariff = segment.tariffCents();
                send(producer, "access.allocations.v1", allocation, new AllocationIssued(UUID.randomUUID(), Instant.now(),
                        allocation, UUID.randomUUID(), municipality.code(), pseudonym, agb, contract,
                        segment.productCategory(), segment.productCode(), segment.code(), "P" + (1 + random.nextInt(9)),
                        1 + random.nextInt(7), REFERRERS[index(random, REFERRER_WEIGHTS)], "PXQ",
                        unitsPerMonth * linesPerClient, segment.unit(), "6", validFrom,
                        validFrom.plusMonths(linesPerClient).minusDays(1), tariff,
                        unitsPerMonth * linesPerClient * tariff, segment.code(), null));
                events++;
                for (int m = 0; m < linesPerClient; m++) {
                    YearMonth month = YearMonth.from(validFrom).plusMonths(m);
                    send(producer, "provider.reports.v1", allocation, new DeclarationAccepted(UUID.randomUUID(),
                            Instant.now(), UUID.randomUUID(), allocation, agb, municipality.code(), pseudonym,
                            segment.productCategory(), segment.productCode(), month.atDay(1), month.atEndOfMonth(),
                            unitsPerMonth, segment.unit(), tariff, unitsPerMonth * tariff));
                    events++;
                }
            }
            producer.flush();
        }
        return events;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, UUID key, DomainEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(), Json.event(event));
        record.headers().add(new RecordHeader("type", event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    /** Until the monitoring groups have committed every offset of their topics (commits follow the applying transaction). */
    static void awaitNoLag(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(KafkaClientSettings.of(bootstrap).clientConfig())) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            long lastReport = System.nanoTime();
            while (System.nanoTime() < deadline) {
                long lag = 0;
                for (Map.Entry<String, String> groupAndTopic : MONITORING_GROUPS.entrySet()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            groupAndTopic.getKey()).partitionsToOffsetAndMetadata().get();
                    String topic = groupAndTopic.getValue();
                    if (!admin.listTopics().names().get().contains(topic)) {
                        continue;
                    }
                    Map<TopicPartition, OffsetSpec> ask = new LinkedHashMap<>();
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                            .forEach(p -> ask.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(ask).all().get();
                    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        lag += end.getValue().offset() - (at == null ? 0 : at.offset());
                    }
                }
                if (lag == 0) {
                    return;
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
                    Bench.step(String.format("  monitoring still has %,d events to apply", lag));
                    lastReport = System.nanoTime();
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("monitoring did not catch up within 30 minutes");
        }
    }

    private static <T> T pick(Random random, double[] weights, List<T> items) {
        return items.get(index(random, weights));
    }

    private static int index(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
