package nl.regioinkoop.bench;

import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.KafkaClientSettings;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P1: a provider's software declares a month of care for each of its allocations (the P2 allocations), in bulk
 * requests of {@code p1.chunk} lines, {@code p1.concurrency} at a time. Counted from the first request until the
 * last {@code DeclarationAccepted} is on the topic: validated, persisted and published. The limit: the same rows
 * COPYed into a table shaped like {@code declaration_line} (same columns, key and indexes) on the same server.
 */
final class DeclarationIngestion {
    static final long TARIFF_CENTS = 10_500; // the demo contract's tariff for 45A48

    private final Platform platform;
    private final Options options;
    private final Results results;

    DeclarationIngestion(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    record Line(String lineRef, String allocationId, LocalDate from, LocalDate to, long units) {
        Map<String, Object> json() {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineRef", lineRef);
            line.put("allocationId", allocationId);
            line.put("periodStart", from.toString());
            line.put("periodEnd", to.toString());
            line.put("productCode", "45A48");
            line.put("productCategory", "45");
            line.put("volume", units);
            line.put("unit", "04");
            line.put("tariffCents", TARIFF_CENTS);
            line.put("amountCents", units * TARIFF_CENTS);
            return line;
        }
    }

    /** One line per whole or partial month of the allocation's validity that ended before today, at most {@code months}. */
    static List<Line> lines(List<String> allocationIds, int months, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        for (String id : allocationIds) {
            YearMonth month = YearMonth.from(AllocationFlow.VALID_FROM);
            for (int m = 0; m < months; m++, month = month.plusMonths(1)) {
                LocalDate from = month.atDay(1).isBefore(AllocationFlow.VALID_FROM) ? AllocationFlow.VALID_FROM : month.atDay(1);
                LocalDate to = month.atEndOfMonth().isAfter(AllocationFlow.VALID_TO) ? AllocationFlow.VALID_TO : month.atEndOfMonth();
                if (from.isAfter(to) || !to.isBefore(today)) {
                    break;
                }
                long units = (ChronoUnit.DAYS.between(from, to) + 1) * 2 / 7; // 2 hours a week
                lines.add(new Line(id + "-" + month, id, from, to, units));
            }
        }
        return lines;
    }

    void run(List<String> allocationIds, LocalDate today) throws Exception {
        List<Line> lines = lines(allocationIds, options.integer("p1.months"), today);
        int chunk = options.integer("p1.chunk");
        int concurrency = options.integer("p1.concurrency");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += chunk) {
            List<Map<String, Object>> json = lines.subList(i, Math.min(lines.size(), i + chunk)).stream().map(Line::json).toList();
            bodies.add(Json.write(Map.of("lines", json)));
        }
        Bench.step("P1: " + lines.size() + " declaration lines in " + bodies.size() + " bulk requests, " + concurrency
                + " at a time");
        Api provider = platform.api("provider");
        String token = platform.tokens.provider(AllocationFlow.PROVIDER_AGB);
        long baseline = publishedReports();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        Latencies requestTimes = new Latencies();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String body : bodies) {
                done.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    Api.Response answer = Json.expect(200, provider.send("POST", "/api/v1/declarations/bulk", token,
                            "application/json", body, Map.of("Idempotency-Key", "bench-" + UUID.randomUUID())),
                            "declaring in bulk");
                    requestTimes.record(System.nanoTime() - t);
                    accepted.addAndGet(Json.number(answer.json(), "accepted"));
                    rejected.addAndGet(Json.number(answer.json(), "rejected"));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long answered = System.nanoTime();
        long target = baseline + accepted.get();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (publishedReports() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long published = System.nanoTime();
        double seconds = (published - started) / 1e9;
        double linesPerSecond = accepted.get() / seconds;
        double answeredPerSecond = accepted.get() / ((answered - started) / 1e9);

        Bench.step("P1: COPY of the same " + lines.size() + " rows");
        double copyPerSecond = copyReference(lines);
        double ratio = linesPerSecond / copyPerSecond;

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("lines", lines.size());
        detail.put("accepted", accepted.get());
        detail.put("rejected", rejected.get());
        detail.put("requests", bodies.size());
        detail.put("linesPerRequest", chunk);
        detail.put("concurrency", concurrency);
        detail.put("secondsToPublished", seconds);
        detail.put("linesPerSecondPublished", linesPerSecond);
        detail.put("linesPerSecondAnswered", answeredPerSecond);
        detail.put("request", requestTimes.summary());
        detail.put("copyLinesPerSecond", copyPerSecond);
        detail.put("ratio", ratio);
        results.detail("p1", detail);
        results.figure("P1", "bulk declaration lines/s, validated + persisted + published"
                        + (rejected.get() > 0 ? " (" + rejected.get() + " rejected)" : ""),
                Results.perSecond(linesPerSecond), "COPY " + Results.perSecond(copyPerSecond), Results.percent(ratio),
                ">= 50 % of COPY", ratio >= 0.5);
        Bench.step(String.format("P1: %.0f lines/s published (%.0f/s answered), COPY %.0f/s, ratio %.1f %%",
                linesPerSecond, answeredPerSecond, copyPerSecond, ratio * 100));
    }

    private long publishedReports() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClientSettings.of(platform.kafka).clientConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor("provider.reports.v1")) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Same rows, same server, a table like declaration_line (columns, primary key, indexes); dropped afterwards. */
    private double copyReference(List<Line> lines) throws Exception {
        StringBuilder csv = new StringBuilder(lines.size() * 200);
        String submission = UUID.randomUUID().toString();
        String now = java.time.OffsetDateTime.now().toString();
        for (Line line : lines) {
            csv.append(UUID.randomUUID()).append(',').append(submission).append(',').append(AllocationFlow.PROVIDER_AGB)
                    .append(',').append(line.allocationId()).append(',').append(line.lineRef()).append(',')
                    .append(line.from()).append(',').append(line.to()).append(",45A48,").append(line.units())
                    .append(",04,").append(TARIFF_CENTS).append(',').append(line.units() * TARIFF_CENTS)
                    .append(",ACCEPTED,,,").append(now).append('\n');
        }
        try (Connection c = DriverManager.getConnection(platform.databaseUrl("provider"), platform.pg.user(),
                platform.pg.password())) {
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_copy_declaration_line");
                st.execute("create table bench_copy_declaration_line (like declaration_line including all)");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = new CopyManager(c.unwrap(BaseConnection.class)).copyIn(
                    "copy bench_copy_declaration_line (id, submission_id, provider_agb, allocation_id, line_ref, "
                            + "period_start, period_end, product_code, volume, unit, tariff_cents, amount_cents, status, "
                            + "reason_code, reason, received_at) from stdin (format csv)", new StringReader(csv.toString()));
            c.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("drop table bench_copy_declaration_line");
            }
            return rows / seconds;
        }
    }
}
