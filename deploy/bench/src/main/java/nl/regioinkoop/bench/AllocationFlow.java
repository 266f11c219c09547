package nl.regioinkoop.bench;

import nl.regioinkoop.testkit.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * P2: access officers at work. Each chain registers a referral for a known resident, records the triage and issues
 * an allocation (three requests, as the access team's screens send them); a closed loop of {@code p2.concurrency}
 * officers runs {@code p2.journeys} chains after a warm-up. Meanwhile a region analyst's call to monitoring-service
 * ({@code GET /scorecards/{agb}}: the provider's number of allocations) is repeated every {@code p2.poll-ms} to see
 * when each allocation became visible there.
 */
final class AllocationFlow {
    static final String PROVIDER_AGB = "41000012";        // the demo region's largest ambulant provider
    static final List<String> MUNICIPALITIES = List.of("0988", "0946", "1640");
    static final LocalDate VALID_FROM = LocalDate.of(2026, 1, 5);
    static final LocalDate VALID_TO = LocalDate.of(2026, 10, 31);
    private static final long EXTRA_BUDGET_CENTS = 100_000_000_000L;

    private final Platform platform;
    private final Options options;
    private final Results results;
    private final Api access;
    private final Api monitoring;

    /** The allocations the measured chains issued: P1 declares on them. */
    final List<String> allocationIds = Collections.synchronizedList(new ArrayList<>());
    double allocationsPerSecond;
    int payloadBytes;

    AllocationFlow(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
        this.access = platform.api("access");
        this.monitoring = platform.api("monitoring");
    }

    void run() throws Exception {
        int warmup = options.integer("p2.warmup");
        int journeys = options.integer("p2.journeys");
        int concurrency = options.integer("p2.concurrency");
        raiseBudgets();
        Bench.step("P2: registering " + (warmup + journeys) + " residents (not measured)");
        List<String[]> clients = registerClients(warmup + journeys, concurrency);

        Bench.step("P2: warm-up, " + warmup + " chains");
        runChains(clients.subList(0, warmup), concurrency, new Latencies(), new Latencies(), new Latencies(), null, false);
        long baseline = settledCount();

        Bench.step("P2: " + journeys + " chains by " + concurrency + " officers, monitoring polled every "
                + options.integer("p2.poll-ms") + " ms");
        Latencies referral = new Latencies();
        Latencies triage = new Latencies();
        Latencies allocation = new Latencies();
        AtomicLongArray acceptedAt = new AtomicLongArray(journeys);
        Visibility visibility = new Visibility();
        Thread poller = poller(visibility, baseline + journeys);
        CpuUsage cpu = new CpuUsage(platform);
        Map<String, Double> cpuBefore = cpu.snapshot();
        long started = System.nanoTime();
        poller.start();
        runChains(clients.subList(warmup, warmup + journeys), concurrency, referral, triage, allocation, acceptedAt, true);
        long finished = System.nanoTime();
        Map<String, Object> cpuUsed = CpuUsage.between(cpuBefore, cpu.snapshot(), (finished - started) / 1e9);
        poller.join(TimeUnit.SECONDS.toMillis(120));
        poller.interrupt();

        long[] accepted = new long[journeys];
        for (int i = 0; i < journeys; i++) {
            accepted[i] = acceptedAt.get(i);
        }
        Latencies endToEnd = visibility.latencies(accepted, baseline);
        double seconds = (finished - started) / 1e9;
        allocationsPerSecond = journeys / seconds;

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("journeys", journeys);
        detail.put("warmup", warmup);
        detail.put("concurrency", concurrency);
        detail.put("seconds", seconds);
        detail.put("allocationsPerSecond", allocationsPerSecond);
        detail.put("requestsPerChain", 3);
        detail.put("httpReferral", referral.summary());
        detail.put("httpTriage", triage.summary());
        detail.put("httpAllocation", allocation.summary());
        detail.put("endToEnd", endToEnd.summary());
        detail.put("seenInMonitoring", endToEnd.count());
        detail.put("cpuSecondsWhileMeasured", cpuUsed);
        double accessMsPerChain = ((Number) cpuUsed.get("access")).doubleValue() * 1000 / journeys;
        detail.put("accessCpuMsPerChain", accessMsPerChain);
        results.detail("p2", detail);

        results.figure("P2", "allocations/s (referral, triage, allocation: 3 requests each; " + concurrency
                + " officers)", Results.perSecond(allocationsPerSecond), null, null, ">= 500/s", allocationsPerSecond >= 500);
        results.figure("P2", "HTTP POST /allocations p50/p95/p99", allocation.text(), null, null, null, null);
        results.figure("P2", "HTTP referral + triage p95", "referral " + Latencies.ms(referral.percentileMillis(95))
                + " / triage " + Latencies.ms(triage.percentileMillis(95)) + " ms", null, null, null, null);
        boolean allSeen = endToEnd.count() == journeys;
        results.figure("P2", "end to end: 201 -> visible in monitoring p50/p95/p99"
                        + (allSeen ? "" : " (" + endToEnd.count() + " of " + journeys + " seen)"), endToEnd.text(),
                null, null, "p99 < 500 ms", allSeen && endToEnd.percentileMillis(99) < 500);
        double platformMsPerChain = (((Number) cpuUsed.get("whole machine")).doubleValue()
                - ((Number) cpuUsed.get("other work on the machine")).doubleValue()) * 1000 / journeys;
        detail.put("platformCpuMsPerChain", platformMsPerChain);
        results.figure("P2", "CPU per chain: access-service / this run's processes (services, PostgreSQL, load + broker)",
                String.format("%.1f ms / %.1f ms", accessMsPerChain, platformMsPerChain), null, null, null, null);
        Bench.step(String.format("P2: %.1f allocations/s; POST /allocations %s; end to end %s; access CPU %.2f ms per "
                + "chain; CPU seconds while measured %s", allocationsPerSecond, allocation.text(), endToEnd.text(),
                accessMsPerChain, cpuUsed));
    }

    /** The demo budgets are sized on the demo's own allocations; the benchmark's thousands more need room. */
    @SuppressWarnings("unchecked")
    private void raiseBudgets() {
        for (String municipality : MUNICIPALITIES) {
            String officer = platform.tokens.accessOfficer(municipality);
            Api.Response lines = Json.expect(200, access.get("/api/v1/budgets?year=2026&size=100", officer), "budgets");
            for (Object o : (List<Object>) lines.json().get("content")) {
                Map<String, Object> line = (Map<String, Object>) o;
                if ("AMBULANT".equals(line.get("line"))) {
                    long amount = Json.number(line, "amountCents") + EXTRA_BUDGET_CENTS;
                    Json.expect(200, access.put("/api/v1/budgets/" + line.get("id"), officer,
                            Json.write(Map.of("amountCents", amount))), "raising a budget");
                }
            }
        }
    }

    /** @return per resident: municipality code and client id */
    private List<String[]> registerClients(int count, int concurrency) throws Exception {
        List<String> bsns = Bsns.fromTop((count + MUNICIPALITIES.size() - 1) / MUNICIPALITIES.size());
        String[][] clients = new String[count][];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    // the same BSN once per municipality: unique is (pseudonym, municipality)
                    String municipality = MUNICIPALITIES.get(index % MUNICIPALITIES.size());
                    String bsn = bsns.get(index / MUNICIPALITIES.size());
                    Api.Response client = Json.expect(201, access.post("/api/v1/clients",
                            platform.tokens.accessOfficer(municipality), Json.write(Map.of("bsn", bsn,
                                    "name", "Bench Client " + index, "birthDate", "2014-05-17",
                                    "municipalityCode", municipality))), "registering a resident");
                    clients[index] = new String[]{municipality, String.valueOf(client.json().get("id"))};
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return List.of(clients);
    }

    private void runChains(List<String[]> clients, int concurrency, Latencies referral, Latencies triage,
                           Latencies allocation, AtomicLongArray acceptedAt, boolean keep) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < clients.size(); i = next.getAndIncrement()) {
                        String id = chain(clients.get(i), referral, triage, allocation);
                        if (acceptedAt != null) {
                            acceptedAt.set(i, System.nanoTime());
                        }
                        if (keep) {
                            allocationIds.add(id);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private String chain(String[] client, Latencies referralTimes, Latencies triageTimes, Latencies allocationTimes) {
        String officer = platform.tokens.accessOfficer(client[0]);
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("clientId", client[1]);
        referral.put("referrerType", "02");
        referral.put("referrerName", "Huisartsenpraktijk De Kempen");
        referral.put("referralDate", "2026-01-02");
        referral.put("question", "Hulpvraag ambulant");
        referral.put("crisis", false);
        long t0 = System.nanoTime();
        Api.Response registered = Json.expect(201, access.post("/api/v1/referrals", officer, Json.write(referral)),
                "registering a referral");
        long t1 = System.nanoTime();
        referralTimes.record(t1 - t0);
        String referralId = String.valueOf(registered.json().get("id"));
        Json.expect(200, access.put("/api/v1/referrals/" + referralId + "/triage", officer, Json.write(Map.of(
                "segment", "AMBULANT", "profile", "P3", "intensity", 3, "outcome", "SPECIALIST_CARE"))), "triage");
        long t2 = System.nanoTime();
        triageTimes.record(t2 - t1);
        Map<String, Object> allocation = new LinkedHashMap<>();
        allocation.put("referralId", referralId);
        allocation.put("providerAgb", PROVIDER_AGB);
        allocation.put("productCode", "45A48");
        allocation.put("volume", 2);
        allocation.put("unit", "04");
        allocation.put("frequency", "2");
        allocation.put("validFrom", VALID_FROM.toString());
        allocation.put("validTo", VALID_TO.toString());
        allocation.put("chosenByFamily", true);
        Api.Response issued = Json.expect(201, access.post("/api/v1/allocations", officer, Json.write(allocation)),
                "issuing an allocation");
        allocationTimes.record(System.nanoTime() - t2);
        payloadBytes = issued.body().length();
        return String.valueOf(issued.json().get("id"));
    }

    long visibleCount() {
        Api.Response card = monitoring.get("/api/v1/scorecards/" + PROVIDER_AGB + "?from=2026-01-01&to=2026-12-31",
                platform.tokens.regionAnalyst("MLW"));
        if (card.status() == 404) {
            return 0;
        }
        Map<String, Object> answer = Json.expect(200, card, "the provider's scorecard").json();
        @SuppressWarnings("unchecked")
        Map<String, Object> scorecard = (Map<String, Object>) answer.getOrDefault("scorecard", answer);
        return Json.number(scorecard, "allocations");
    }

    /** The count once monitoring has caught up: unchanged over two seconds. */
    private long settledCount() throws InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            long count = visibleCount();
            if (count != last) {
                last = count;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(2)) {
                return count;
            }
            Thread.sleep(100);
        }
        return last;
    }

    private Thread poller(Visibility visibility, long target) {
        long interval = options.integer("p2.poll-ms");
        Thread poller = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long count = visibleCount();
                    visibility.observed(System.nanoTime(), count);
                    if (count >= target) {
                        return;
                    }
                    Thread.sleep(interval);
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "monitoring-poller");
        poller.setDaemon(true);
        return poller;
    }
}
