package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.e2e.proof.World.Product;
import nl.regioinkoop.testkit.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While allocations and declarations stream in from a few client threads, every service is killed with SIGKILL
 * once and started again, the broker is stopped for a while and started again, and afterwards every event on
 * every topic is delivered twice more. Once everything caught up, nothing is lost and nothing counted twice:
 * every request a client saw accepted has its effect exactly once, and access-service, provider-service and
 * monitoring-service agree on allocations, commitments and realised money.
 * <p>
 * Runs on a platform of its own ({@link FaultPlatform}). The broker stays down {@code proof.brokerDownSeconds}
 * (default 15; the full version: {@code -Dproof.brokerDownSeconds=60}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultProofIT {
    private static final int BROKER_DOWN_SECONDS = Integer.getInteger("proof.brokerDownSeconds", 15);
    private static final int CLIENT_THREADS = 2;
    private static final int MAX_PENDING = 24;
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);
    private static final int MONTHS = 10;
    private static final long VOLUME = 20;
    private static final long VOLUME_PER_MONTH = 2;
    private static final List<String> MUNICIPALITIES = List.of(World.WEERT, World.NEDERWEERT);

    private FaultPlatform platform;
    private World world;
    private final Product product = Product.ambulantPerHour(World.newProductCode(), 1_250);
    private final List<String> agbs = List.of(World.newAgb(), World.newAgb());
    private final Map<String, List<String>> referrals = new TreeMap<>();

    @BeforeAll
    void startAPlatformOfItsOwn() throws Exception {
        long started = System.nanoTime();
        platform = FaultPlatform.start();
        world = platform.world;
        System.out.printf("PROOF faults: own platform (broker %s, databases fault_*) up in %d ms%n",
                platform.bootstrap(), (System.nanoTime() - started) / 1_000_000);
        for (String agb : agbs) {
            world.registerProvider(agb, "Proef Storingen " + agb);
        }
        for (String m : MUNICIPALITIES) {
            world.setBudget(m, 2026, product.segment(), 5_000_000_000L);
            for (String agb : agbs) {
                world.signLocalContract(m, agb, product, FROM, 1);
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(world.triagedReferral(m, product.segment()));
            }
            referrals.put(m, ids);
        }
        for (String m : MUNICIPALITIES) {
            for (String agb : agbs) {
                world.awaitEligible(m, referrals.get(m).get(0), agb, product, FROM, TO);
            }
        }
    }

    @AfterAll
    void stopIt() {
        if (platform != null) {
            platform.close();
        }
    }

    private record Issued(String id, String municipality, String agb, long expectedCents) {
    }

    /** The next month to declare on an allocation; uncertain: the last attempt's outcome is unknown. */
    private record Pending(String allocationId, String agb, int month, int attempt, boolean uncertain) {
        String key() {
            return allocationId + "-" + month + "-" + attempt;
        }
    }

    /** The clients: what they sent, and what they were told. */
    private final class Stream {
        final CountDownLatch stopped = new CountDownLatch(1);
        final List<Issued> issued = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong allocationsRefusedConnection = new AtomicLong();
        final AtomicLong allocationsOutcomeUnknown = new AtomicLong();
        final List<String> contractsSigned = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong contractsOutcomeUnknown = new AtomicLong();
        final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
        final Map<String, Long> acceptedLines = new ConcurrentHashMap<>();
        final AtomicLong declarationRequests = new AtomicLong();
        final AtomicLong sameKeyRetries = new AtomicLong();
        final AtomicLong notYetReplicated = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> threads = new ArrayList<>();

        void start() {
            for (int i = 0; i < CLIENT_THREADS; i++) {
                threads.add(new Thread(this::allocate, "allocating-" + i));
                threads.add(new Thread(this::declare, "declaring-" + i));
            }
            for (Thread t : threads) {
                t.start();
            }
        }

        void stop() throws InterruptedException {
            stopped.countDown();
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(90).toMillis());
            }
        }

        boolean running() {
            return stopped.getCount() > 0;
        }

        /** Backs off while a service is down: a client spinning on refused connections starves its restart. */
        boolean pause(long millis) {
            try {
                return stopped.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        void allocate() {
            while (running()) {
                if (pending.size() >= MAX_PENDING) { // allocate no faster than the declarations follow
                    pause(50);
                    continue;
                }
                ThreadLocalRandom random = ThreadLocalRandom.current();
                String m = MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
                String agb = agbs.get(random.nextInt(agbs.size()));
                String referral = referrals.get(m).get(random.nextInt(referrals.get(m).size()));
                Api.Response r;
                try {
                    r = world.allocate(m, referral, agb, product, VOLUME, "6", FROM, TO);
                } catch (UncheckedIOException e) {
                    (isRefused(e) ? allocationsRefusedConnection : allocationsOutcomeUnknown).incrementAndGet();
                    pause(200);
                    continue;
                }
                if (r.status() == 201) {
                    Issued i = new Issued(Json.text(r.json(), "id"), m, agb, Json.number(r.json(), "expectedCostCents"));
                    issued.add(i);
                    pending.add(new Pending(i.id(), agb, 1, 0, false));
                    if (issued.size() % 15 == 0) {
                        signContract(m, agb);
                    }
                } else if (r.status() >= 500) {
                    serverErrors.incrementAndGet();
                    allocationsOutcomeUnknown.incrementAndGet();
                    pause(200);
                } else {
                    unexpected.add("allocation: " + r);
                }
            }
        }

        /** Now and then a contract, so that contracting-service's outbox is under the faults too. */
        void signContract(String municipality, String agb) {
            try {
                Product other = Product.ambulantPerHour(World.newProductCode(), 990);
                Api.Response r = world.contracting.post("/api/v1/contracts", world.procurement, Json.write(Json.object(
                        "providerAgb", agb, "segment", other.segment(), "municipalities", List.of(municipality),
                        "products", List.of(Json.object("productCategory", other.category(),
                                "productCode", other.code(), "segment", other.segment(), "fundingModel", "PXQ",
                                "unit", other.unit(), "tariffs", List.of(Json.object("amountCents", 990)))),
                        "validFrom", FROM.toString(), "initialYears", 1, "extensionOptions", List.of(),
                        "noticeMonths", 3, "annualCeilingCents", 10_000_000L, "acceptanceDutyDays", 180)));
                if (r.status() == 201) {
                    contractsSigned.add(Json.text(r.json(), "id"));
                } else if (r.status() >= 500) {
                    contractsOutcomeUnknown.incrementAndGet();
                } else {
                    unexpected.add("contract: " + r);
                }
            } catch (UncheckedIOException e) {
                if (!isRefused(e)) {
                    contractsOutcomeUnknown.incrementAndGet();
                }
            }
        }

        void declare() {
            while (running()) {
                Pending p;
                try {
                    p = pending.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (p != null) {
                    declareOnce(p, true);
                }
            }
        }

        /** @return true when the answer was definitive */
        boolean declareOnce(Pending p, boolean backOff) {
            YearMonth month = YearMonth.of(2026, p.month());
            declarationRequests.incrementAndGet();
            if (p.uncertain()) {
                sameKeyRetries.incrementAndGet();
            }
            Api.Response r;
            try {
                r = world.declare(p.agb(), p.allocationId(), product, month.atDay(1), month.atEndOfMonth(),
                        VOLUME_PER_MONTH, p.key());
            } catch (UncheckedIOException e) {
                // maybe stored, maybe not: the same Idempotency-Key again finds out without counting twice
                pending.add(new Pending(p.allocationId(), p.agb(), p.month(), p.attempt(), true));
                if (backOff) {
                    pause(200);
                }
                return false;
            }
            if (r.status() >= 500) {
                serverErrors.incrementAndGet();
                pending.add(new Pending(p.allocationId(), p.agb(), p.month(), p.attempt(), true));
                return false;
            }
            if (r.status() != 200) {
                unexpected.add("declaration: " + r);
                return true;
            }
            Map<String, Object> line = r.json();
            String status = Json.text(line, "status");
            if ("ACCEPTED".equals(status)) {
                acceptedLines.put(Json.text(line, "declarationLineId"), VOLUME_PER_MONTH * product.tariffCents());
                if (p.month() < MONTHS) {
                    pending.add(new Pending(p.allocationId(), p.agb(), p.month() + 1, 0, false));
                }
            } else if ("D02".equals(Json.text(line, "reasonCode"))) {
                // provider-service has not replicated the allocation yet: a new line later, under a new key
                notYetReplicated.incrementAndGet();
                pending.add(new Pending(p.allocationId(), p.agb(), p.month(), p.attempt() + 1, false));
                if (backOff) {
                    pause(100);
                }
            } else {
                unexpected.add("declaration line: " + line);
            }
            return true;
        }

        /** After the stop: every declaration whose outcome is unknown is asked again until it is known. */
        void settleUncertainDeclarations() {
            List<Pending> left = new ArrayList<>();
            pending.drainTo(left);
            for (Pending p : left) {
                if (p.uncertain()) {
                    await("a definitive answer to declaration " + p.key()).atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(500)).until(() -> declareOnce(p, false));
                }
            }
        }

        long acceptedCents() {
            return acceptedLines.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static boolean isRefused(UncheckedIOException e) {
        return e.getCause() instanceof ConnectException || e.getCause() != null
                && e.getCause().getCause() instanceof ConnectException;
    }

    /** Waits until the clients made some progress: a fault then strikes mid-flow. */
    private void awaitProgress(Stream stream, int allocations, int lines) {
        int issued = stream.issued.size();
        int accepted = stream.acceptedLines.size();
        await("the clients make progress").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100))
                .until(() -> stream.issued.size() >= issued + allocations
                        && stream.acceptedLines.size() >= accepted + lines);
    }

    @Test
    void nothingIsLostOrCountedTwiceThroughKillsABrokerOutageAndRedelivery() throws Exception {
        Stream stream = new Stream();
        long started = System.nanoTime();
        stream.start();
        try {
            awaitProgress(stream, 10, 10);
            // the outage first: a consumer killed before it would, once the broker is back, hold its partitions
            // for another session timeout (45 s by default), which only makes the test slower
            long t = System.nanoTime();
            int issuedBefore = stream.issued.size();
            platform.stopBroker();
            await("the broker stays down " + BROKER_DOWN_SECONDS + " s while access keeps allocating")
                    .atMost(Duration.ofSeconds(BROKER_DOWN_SECONDS + 180L)).pollInterval(Duration.ofMillis(250))
                    .until(() -> System.nanoTime() - t >= Duration.ofSeconds(BROKER_DOWN_SECONDS).toNanos()
                            && stream.issued.size() >= issuedBefore + 5);
            int issuedDuringOutage = stream.issued.size() - issuedBefore;
            platform.startBroker();
            System.out.printf("PROOF faults: broker down for %d ms (%d allocations issued meanwhile), started "
                    + "again on the same port and log directory%n", (System.nanoTime() - t) / 1_000_000,
                    issuedDuringOutage);
            // contracting last: it has no consumers, so its restart leaves no group waiting for a dead member
            for (String service : List.of("monitoring", "provider", "access", "contracting")) {
                awaitProgress(stream, 5, 5);
                long killed = System.nanoTime();
                platform.processes.kill(service);
                platform.processes.start(service);
                System.out.printf("PROOF faults: %s killed with SIGKILL mid-flow (%d allocations, %d declaration "
                                + "lines accepted so far), healthy again after %d ms%n", service, stream.issued.size(),
                        stream.acceptedLines.size(), (System.nanoTime() - killed) / 1_000_000);
            }
            awaitProgress(stream, 5, 5);
        } finally {
            stream.stop();
        }
        stream.settleUncertainDeclarations();
        long streamMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(List.of(), stream.unexpected, "every answer was one the clients could expect");

        Figures caughtUp = awaitAgreement(stream, "after the faults");
        long redelivered = platform.wire().redeliverEverything(2);
        System.out.printf("PROOF faults: redelivered every record of every topic twice: %d records%n", redelivered);
        Figures afterRedelivery = awaitAgreement(stream, "after redelivering everything twice");
        assertEquals(caughtUp, afterRedelivery, "redelivery changed nothing");

        System.out.printf("PROOF faults: clients ran %d ms: %d allocations issued (201), %d refused connections "
                        + "while down, %d with unknown outcome; %d contracts signed (%d unknown); %d declaration "
                        + "requests, %d lines accepted = %d cents, %d retried with the same Idempotency-Key, %d "
                        + "answered D02 (allocation not replicated yet) and declared again later; %d 5xx%n",
                streamMillis, stream.issued.size(), stream.allocationsRefusedConnection.get(),
                stream.allocationsOutcomeUnknown.get(), stream.contractsSigned.size(),
                stream.contractsOutcomeUnknown.get(), stream.declarationRequests.get(), stream.acceptedLines.size(),
                stream.acceptedCents(), stream.sameKeyRetries.get(), stream.notYetReplicated.get(),
                stream.serverErrors.get());
        System.out.println("PROOF faults: " + afterRedelivery);

        BsnScan scan = Privacy.scan(platform.wire(), List.of(FaultPlatform.database("contracting"),
                FaultPlatform.database("provider"), FaultPlatform.database("monitoring")), platform.logs);
        System.out.printf("PROOF faults: privacy scan of the fault platform: %d messages, log lines and values "
                + "read, BSNs found: %d%n", scan.total(), scan.hits);
        assertEquals(List.of(), scan.found, "no BSN outside access-service");
    }

    /** What each service says, in one comparable value. */
    record Figures(int allocationsAccess, int allocationsProvider, long allocationsMonitoring,
                   long expectedCentsAccess, long committedAccess, long committedMonitoring,
                   long realisedAccess, long realisedMonitoring, long acceptedLinesProvider,
                   long acceptedCentsProvider, long spendMonitoring, long contractsContracting,
                   long contractsAccess, long contractsProvider, long contractsMonitoring) {
        @Override
        public String toString() {
            return String.format("allocations access=%d provider=%d monitoring=%d; expected cost in access=%d; "
                            + "committed access=%d monitoring=%d; realised access=%d monitoring=%d; accepted "
                            + "declarations provider=%d lines %d cents, monitoring spend=%d; contracts contracting=%d "
                            + "access=%d provider=%d monitoring=%d",
                    allocationsAccess, allocationsProvider, allocationsMonitoring, expectedCentsAccess,
                    committedAccess, committedMonitoring, realisedAccess, realisedMonitoring, acceptedLinesProvider,
                    acceptedCentsProvider, spendMonitoring, contractsContracting, contractsAccess, contractsProvider,
                    contractsMonitoring);
        }
    }

    private Figures awaitAgreement(Stream stream, String when) {
        long t = System.nanoTime();
        Wire wire = platform.wire();
        await("every reader caught up " + when).atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Long> lag = wire.lagPerGroup();
                    assertTrue(lag.values().stream().allMatch(l -> l == 0), "consumer lag " + lag);
                    for (String s : FaultPlatform.SERVICES) {
                        assertEquals(0, Databases.unpublished(FaultPlatform.database(s)), s + " outbox drained");
                    }
                });
        Figures[] last = new Figures[1];
        await("the services agree " + when).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> last[0] = agree(stream));
        System.out.printf("PROOF faults: caught up and agreeing %s within %d ms%n", when,
                (System.nanoTime() - t) / 1_000_000);
        return last[0];
    }

    /** Reads every service's totals and checks them against each other and against what the clients saw. */
    private Figures agree(Stream stream) {
        Set<String> accessIds = new TreeSet<>();
        long expected = 0;
        long committed = 0;
        long realised = 0;
        for (String m : MUNICIPALITIES) {
            for (Map<String, Object> a : pages(() -> world.access, "/api/v1/allocations",
                    world.tokens.accessOfficer(m))) {
                assertTrue(accessIds.add(Json.text(a, "id")), "an allocation listed twice");
                expected += Json.number(a, "expectedCostCents");
            }
            for (Map<String, Object> line : pages(() -> world.access, "/api/v1/budgets?year=2026",
                    world.tokens.accessOfficer(m))) {
                committed += Json.number(line, "committedCents");
                realised += Json.number(line, "realisedCents");
            }
        }
        Set<String> providerIds = new TreeSet<>();
        Map<String, Long> acceptedAtProvider = new TreeMap<>();
        long allocationsMonitoring = 0;
        for (String agb : agbs) {
            for (Map<String, Object> a : pages(() -> world.provider, "/api/v1/allocations", world.tokens.provider(agb))) {
                assertTrue(providerIds.add(Json.text(a, "allocationId")), "a replicated allocation listed twice");
            }
            for (Map<String, Object> d : pages(() -> world.provider, "/api/v1/declarations?status=ACCEPTED",
                    world.tokens.provider(agb))) {
                assertTrue(acceptedAtProvider.put(Json.text(d, "declarationLineId"), Json.number(d, "amountCents"))
                        == null, "a declaration line listed twice");
            }
            Api.Response card = world.monitoring.get("/api/v1/scorecards/" + agb
                    + "?from=2026-01-01&to=2026-12-31", world.tokens.regionAnalyst(World.REGION));
            assertEquals(200, card.status(), card.toString());
            @SuppressWarnings("unchecked") Map<String, Object> scorecard =
                    (Map<String, Object>) card.json().get("scorecard");
            allocationsMonitoring += Json.number(scorecard, "allocations");
        }
        String analyst = world.tokens.regionAnalyst(World.REGION);
        Api.Response budgets = world.monitoring.get("/api/v1/budgets?from=2026-01-01&to=2026-12-31", analyst);
        assertEquals(200, budgets.status(), budgets.toString());
        long committedMonitoring = 0;
        long realisedMonitoring = 0;
        for (Object o : (List<?>) budgets.json().get("lines")) {
            @SuppressWarnings("unchecked") Map<String, Object> line = (Map<String, Object>) o;
            committedMonitoring += Json.number(line, "committedCents");
            realisedMonitoring += Json.number(line, "realisedCents");
        }
        Api.Response pyramid = world.monitoring.get("/api/v1/pyramid?from=2026-01-01&to=2026-12-31", analyst);
        assertEquals(200, pyramid.status(), pyramid.toString());
        long spend = Json.number(pyramid.json(), "spendCents");
        long acceptedCents = acceptedAtProvider.values().stream().mapToLong(Long::longValue).sum();

        Api.Response contracts = world.contracting.get("/api/v1/contracts?size=1", world.procurement);
        assertEquals(200, contracts.status(), contracts.toString());
        Figures f = new Figures(accessIds.size(), providerIds.size(), allocationsMonitoring, expected, committed,
                committedMonitoring, realised, realisedMonitoring, acceptedAtProvider.size(), acceptedCents, spend,
                Json.number(contracts.json(), "totalSize"),
                Databases.count(FaultPlatform.database("access"), "select count(*) from contract"),
                Databases.count(FaultPlatform.database("provider"), "select count(*) from contract_replica"),
                Databases.count(FaultPlatform.database("monitoring"), "select count(*) from contract_view"));

        // every allocation a client was told was issued exists, once; at most the unknown outcomes add to it
        Set<String> told = new TreeSet<>();
        stream.issued.forEach(i -> told.add(i.id()));
        assertTrue(accessIds.containsAll(told), "access lost an issued allocation");
        assertTrue(accessIds.size() - told.size() <= stream.allocationsOutcomeUnknown.get(),
                "access holds allocations nobody issued: " + f);
        assertEquals(accessIds, providerIds, "provider-service replicated exactly access's allocations");
        assertEquals(accessIds.size(), allocationsMonitoring, "monitoring counts every allocation once");
        // every declaration line a client was told was accepted exists, once, and nothing else was accepted
        assertEquals(new TreeSet<>(stream.acceptedLines.keySet()), acceptedAtProvider.keySet(),
                "provider-service accepted exactly the lines the clients were told");
        assertEquals(stream.acceptedCents(), acceptedCents);
        assertEquals(acceptedCents, realised, "realised budgets = accepted declarations");
        assertEquals(acceptedCents, realisedMonitoring, "monitoring's realised = accepted declarations");
        assertEquals(acceptedCents, spend, "monitoring's spend = accepted declarations");
        assertEquals(expected, committed + realised, "committed + realised = the allocations' expected costs");
        assertEquals(committed, committedMonitoring, "monitoring's committed = access's");
        Set<String> contractIds = new TreeSet<>(stream.contractsSigned);
        assertTrue(f.contractsContracting() >= contractIds.size() + (long) MUNICIPALITIES.size() * agbs.size());
        assertEquals(f.contractsContracting(), f.contractsAccess(), "access replicated every contract once");
        assertEquals(f.contractsContracting(), f.contractsProvider(), "provider replicated every contract once");
        assertEquals(f.contractsContracting(), f.contractsMonitoring(), "monitoring has every contract once");
        return f;
    }

    /** Every item of a paged list. */
    private static List<Map<String, Object>> pages(Supplier<Api> api, String path, String token) {
        List<Map<String, Object>> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Api.Response r = api.get().get(path + separator + "size=100&page=" + page, token);
            assertEquals(200, r.status(), path + " -> " + r);
            List<Map<String, Object>> content = Json.content(r.json());
            all.addAll(content);
            if (content.size() < 100) {
                return all;
            }
        }
    }
}
