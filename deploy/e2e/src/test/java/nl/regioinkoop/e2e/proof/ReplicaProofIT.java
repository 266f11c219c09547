package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.e2e.proof.World.Product;
import nl.regioinkoop.testkit.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of each of the four services on one machine, on the same databases and broker ({@link FaultPlatform}
 * with two processes per service). Allocations, declarations and contracts stream in through both (each request to
 * the next replica in turn; one that refuses the connection is passed over for the other, as a load balancer would).
 * Declarations carry an {@code Idempotency-Key}; when an answer is lost the retry goes to the other replica, some are
 * repeated on the other replica on purpose, some sent to both at once. Mid-flow, monitoring's rebuild is started on
 * one replica (the other refuses a second one while it runs), and then one replica of every service, the rebuilding
 * one included, is killed with SIGKILL and started again. Afterwards:
 * <ul>
 *   <li>access = provider = monitoring totals (allocations, committed and realised money), read through both
 *       replicas alike; realised = accepted declarations; contracts replicated once everywhere;</li>
 *   <li>every accepted request exactly once: each allocation a client saw issued, each declaration line a client saw
 *       accepted, once, under retries and repeats across replicas;</li>
 *   <li>every event published once per outbox row: each event id of every outbox row is on its topic, and on it
 *       once, save the rows a killed relay had sent but not yet marked (created before the kill, published after);</li>
 *   <li>the rebuild interrupted by the kill was taken over by the other replica and finished; no two rebuilds ran at
 *       once.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaProofIT {
    private static final int REPLICAS = 2;
    private static final int CLIENT_THREADS = 2;
    private static final int MAX_PENDING = 24;
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);
    private static final int MONTHS = 10;
    private static final long VOLUME = 20;
    private static final long VOLUME_PER_MONTH = 2;
    private static final List<String> MUNICIPALITIES = List.of(World.WEERT, World.NEDERWEERT);

    private FaultPlatform platform;
    private List<World> worlds;
    private final Product product = Product.ambulantPerHour(World.newProductCode(), 1_250);
    private final List<String> agbs = List.of(World.newAgb(), World.newAgb());
    private final Map<String, List<String>> referrals = new TreeMap<>();

    @BeforeAll
    void startTwoReplicasOfEverything() throws Exception {
        long started = System.nanoTime();
        platform = FaultPlatform.start("replica", REPLICAS);
        worlds = platform.worlds;
        System.out.printf("PROOF replicas: own platform (broker %s, databases replica_*), %d replicas of each of "
                        + "the four services (%d JVMs) up in %d ms; ports %s%n", platform.bootstrap(), REPLICAS,
                REPLICAS * FaultPlatform.SERVICES.size(), (System.nanoTime() - started) / 1_000_000, ports());
        // the fixtures through both replicas too
        for (int i = 0; i < agbs.size(); i++) {
            world(i).registerProvider(agbs.get(i), "Proef Replica's " + agbs.get(i));
        }
        int n = 0;
        for (String m : MUNICIPALITIES) {
            world(n++).setBudget(m, 2026, product.segment(), 5_000_000_000L);
            for (String agb : agbs) {
                world(n++).signLocalContract(m, agb, product, FROM, 1);
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(world(n++).triagedReferral(m, product.segment()));
            }
            referrals.put(m, ids);
        }
        for (World w : worlds) {
            for (String m : MUNICIPALITIES) {
                for (String agb : agbs) {
                    w.awaitEligible(m, referrals.get(m).get(0), agb, product, FROM, TO);
                }
            }
        }
    }

    @AfterAll
    void stopIt() {
        if (platform != null) {
            platform.close();
        }
    }

    private World world(int i) {
        return worlds.get(Math.floorMod(i, REPLICAS));
    }

    private String ports() {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        for (String s : FaultPlatform.SERVICES) {
            ports.put(s, platform.replicas.stream().map(r -> r.service(s).port()).toList());
        }
        return ports.toString();
    }

    private record Issued(String id, String municipality, String agb, long expectedCents) {
    }

    /**
     * The next month to declare on an allocation; uncertain: the last attempt's outcome is unknown, and it went to
     * {@code lastReplica}.
     */
    private record Pending(String allocationId, String agb, int month, int attempt, boolean uncertain,
                           int lastReplica) {
        String key() {
            return allocationId + "-" + month + "-" + attempt;
        }
    }

    /** The clients: what they sent, to which replica, and what they were told. */
    private final class Stream {
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicInteger turn = new AtomicInteger();
        final AtomicLongArray answeredBy = new AtomicLongArray(REPLICAS);
        final List<Issued> issued = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong passedOver = new AtomicLong();
        final AtomicLong allocationsOutcomeUnknown = new AtomicLong();
        final List<String> contractsSigned = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong contractsOutcomeUnknown = new AtomicLong();
        final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
        final Map<String, Long> acceptedLines = new ConcurrentHashMap<>();
        final AtomicLong declarationRequests = new AtomicLong();
        final AtomicLong retriesOnTheOtherReplica = new AtomicLong();
        final AtomicLong repeatsOnTheOtherReplica = new AtomicLong();
        final AtomicLong sentToBothAtOnce = new AtomicLong();
        final AtomicLong notYetReplicated = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> threads = new ArrayList<>();

        void start() {
            for (int i = 0; i < CLIENT_THREADS; i++) {
                threads.add(new Thread(this::allocate, "allocating-" + i));
                threads.add(new Thread(this::declare, "declaring-" + i));
            }
            threads.forEach(Thread::start);
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

        boolean pause(long millis) {
            try {
                return stopped.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        int nextReplica() {
            return Math.floorMod(turn.getAndIncrement(), REPLICAS);
        }

        /**
         * Sends to {@code first}, and on to the next replica while one refuses the connection (it is down: nothing
         * reached it). Null when every replica refused, or when the answer was lost (then {@code lost} is counted).
         */
        Api.Response send(int first, java.util.function.Function<World, Api.Response> call, AtomicLong lost) {
            for (int i = 0; i < REPLICAS; i++) {
                int replica = Math.floorMod(first + i, REPLICAS);
                try {
                    Api.Response r = call.apply(worlds.get(replica));
                    answeredBy.incrementAndGet(replica);
                    return r;
                } catch (UncheckedIOException e) {
                    if (!isRefused(e)) {
                        lost.incrementAndGet();
                        return null;
                    }
                    passedOver.incrementAndGet();
                }
            }
            return null;
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
                Api.Response r = send(nextReplica(), w -> w.allocate(m, referral, agb, product, VOLUME, "6", FROM, TO),
                        allocationsOutcomeUnknown);
                if (r == null) {
                    pause(200);
                } else if (r.status() == 201) {
                    Issued i = new Issued(Json.text(r.json(), "id"), m, agb, Json.number(r.json(), "expectedCostCents"));
                    issued.add(i);
                    pending.add(new Pending(i.id(), agb, 1, 0, false, -1));
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

        /** Now and then a contract, so that contracting-service's two relays are at work too. */
        void signContract(String municipality, String agb) {
            Product other = Product.ambulantPerHour(World.newProductCode(), 990);
            String body = Json.write(Json.object(
                    "providerAgb", agb, "segment", other.segment(), "municipalities", List.of(municipality),
                    "products", List.of(Json.object("productCategory", other.category(),
                            "productCode", other.code(), "segment", other.segment(), "fundingModel", "PXQ",
                            "unit", other.unit(), "tariffs", List.of(Json.object("amountCents", 990)))),
                    "validFrom", FROM.toString(), "initialYears", 1, "extensionOptions", List.of(),
                    "noticeMonths", 3, "annualCeilingCents", 10_000_000L, "acceptanceDutyDays", 180));
            Api.Response r = send(nextReplica(), w -> w.contracting.post("/api/v1/contracts", w.procurement, body),
                    contractsOutcomeUnknown);
            if (r == null) {
                return;
            }
            if (r.status() == 201) {
                contractsSigned.add(Json.text(r.json(), "id"));
            } else if (r.status() >= 500) {
                contractsOutcomeUnknown.incrementAndGet();
            } else {
                unexpected.add("contract: " + r);
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

        /** An answer and the replica that gave it. */
        record Answer(Api.Response response, int replica) {
        }

        /**
         * One attempt at a declaration on {@code replica}; when {@code passOver}, on to the other replica if that one
         * refuses the connection. Null when the answer was lost (maybe stored, maybe not: the same key again finds
         * out without counting twice) or no replica took the connection.
         */
        Answer declareOn(int replica, Pending p, boolean passOver) {
            YearMonth month = YearMonth.of(2026, p.month());
            for (int i = 0; i < (passOver ? REPLICAS : 1); i++) {
                int r = Math.floorMod(replica + i, REPLICAS);
                declarationRequests.incrementAndGet();
                try {
                    Api.Response response = worlds.get(r).declare(p.agb(), p.allocationId(), product,
                            month.atDay(1), month.atEndOfMonth(), VOLUME_PER_MONTH, p.key());
                    answeredBy.incrementAndGet(r);
                    return new Answer(response, r);
                } catch (UncheckedIOException e) {
                    if (!isRefused(e)) {
                        return null;
                    }
                    passedOver.incrementAndGet();
                }
            }
            return null;
        }

        /** @return true when the answer was definitive */
        boolean declareOnce(Pending p, boolean backOff) {
            // a retry after a lost answer goes to the other replica, as a load balancer would send it
            int replica = p.uncertain() ? Math.floorMod(p.lastReplica() + 1, REPLICAS) : nextReplica();
            boolean atOnce = !p.uncertain() && ThreadLocalRandom.current().nextInt(8) == 0;
            CompletableFuture<Answer> twin = atOnce
                    ? CompletableFuture.supplyAsync(() -> declareOn(replica + 1, p, false)) : null;
            Answer answer = declareOn(replica, p, true);
            if (twin != null) {
                Answer second = twin.join();
                if (answer != null && second != null && answer.response().status() == 200
                        && second.response().status() == 200 && answer.replica() != second.replica()) {
                    sentToBothAtOnce.incrementAndGet();
                    sameAnswer(p, answer.response(), second.response(), "sent to both replicas at once");
                }
                if (answer == null || answer.response().status() >= 500) {
                    answer = second;
                }
            }
            if (answer != null && p.uncertain() && answer.replica() != p.lastReplica()) {
                retriesOnTheOtherReplica.incrementAndGet();
            }
            Api.Response r = answer == null ? null : answer.response();
            if (r == null || r.status() >= 500) {
                if (r != null) {
                    serverErrors.incrementAndGet();
                }
                pending.add(new Pending(p.allocationId(), p.agb(), p.month(), p.attempt(), true,
                        answer == null ? replica : answer.replica()));
                if (backOff) {
                    pause(200);
                }
                return false;
            }
            if (r.status() != 200) {
                unexpected.add("declaration: " + r);
                return true;
            }
            if (!atOnce && ThreadLocalRandom.current().nextInt(4) == 0) {
                // the same request again on the other replica: it must answer what the first one did
                Answer again = declareOn(answer.replica() + 1, p, false);
                if (again != null && again.response().status() == 200) {
                    repeatsOnTheOtherReplica.incrementAndGet();
                    sameAnswer(p, r, again.response(), "repeated on the other replica");
                }
            }
            Map<String, Object> line = r.json();
            String status = Json.text(line, "status");
            if ("ACCEPTED".equals(status)) {
                acceptedLines.put(Json.text(line, "declarationLineId"), VOLUME_PER_MONTH * product.tariffCents());
                if (p.month() < MONTHS) {
                    pending.add(new Pending(p.allocationId(), p.agb(), p.month() + 1, 0, false, -1));
                }
            } else if ("D02".equals(Json.text(line, "reasonCode"))) {
                // provider-service has not replicated the allocation yet: a new line later, under a new key
                notYetReplicated.incrementAndGet();
                pending.add(new Pending(p.allocationId(), p.agb(), p.month(), p.attempt() + 1, false, -1));
                if (backOff) {
                    pause(100);
                }
            } else {
                unexpected.add("declaration line: " + line);
            }
            return true;
        }

        void sameAnswer(Pending p, Api.Response first, Api.Response second, String how) {
            if (!first.json().equals(second.json())) {
                unexpected.add("Idempotency-Key " + p.key() + " " + how + " answered differently: " + first.body()
                        + " and " + second.body());
            }
        }

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

    private void awaitProgress(Stream stream, int allocations, int lines) {
        int issued = stream.issued.size();
        int accepted = stream.acceptedLines.size();
        await("the clients make progress").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100))
                .until(() -> stream.issued.size() >= issued + allocations
                        && stream.acceptedLines.size() >= accepted + lines);
    }

    @Test
    void twoReplicasOfEveryServiceCountEverythingOnceThroughAKillOfOneReplicaOfEach() throws Exception {
        Stream stream = new Stream();
        Map<String, Instant> killedAt = new LinkedHashMap<>();
        Api.Response secondRebuild;
        long started = System.nanoTime();
        stream.start();
        try {
            awaitProgress(stream, 15, 15);
            Wire wire = platform.wire();
            AtomicReference<Map<String, Integer>> members = new AtomicReference<>();
            await("both replicas of every service joined its consumer groups").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        members.set(wire.membersPerGroup());
                        return !members.get().isEmpty() && members.get().values().stream().allMatch(m -> m == REPLICAS);
                    });
            System.out.printf("PROOF replicas: consumer groups and their members (one per replica): %s%n",
                    members.get());

            String reason = Json.write(Json.object("reason", "replica proof"));
            Api.Response rebuild = worlds.get(0).monitoring.post("/api/v1/admin/rebuild", worlds.get(0).procurement,
                    reason);
            assertEquals(202, rebuild.status(), rebuild.toString());
            secondRebuild = worlds.get(1).monitoring.post("/api/v1/admin/rebuild", worlds.get(1).procurement, reason);
            System.out.printf("PROOF replicas: monitoring's rebuild started on replica a (%d); a second one asked of "
                    + "replica b while it runs: %d %s%n", rebuild.status(), secondRebuild.status(), secondRebuild.body());

            // one replica of every service at once, the one rebuilding monitoring's read models among them
            List<String> killed = new ArrayList<>();
            for (String service : FaultPlatform.SERVICES) {
                ProcessHandle jvm = platform.replicas.get(0).process(service).orElseThrow();
                String command = jvm.info().command().orElse("?");
                assertTrue(command.endsWith("/java") || command.endsWith("java"), "the service's JVM: " + command);
                assertEquals(0, jvm.children().count(), "a JVM, not a wrapper with the JVM as its child");
                killed.add(service + " pid " + jvm.pid());
            }
            for (String service : FaultPlatform.SERVICES) {
                killedAt.put(service, Instant.now());
                platform.replicas.get(0).kill(service);
            }
            long restarted = System.nanoTime();
            System.out.printf("PROOF replicas: replica a of every service killed with SIGKILL mid-flow (%s: each the "
                            + "service's JVM itself, no wrapper) at %d allocations and %d declaration lines accepted%n",
                    killed, stream.issued.size(), stream.acceptedLines.size());
            platform.replicas.get(0).start(FaultPlatform.SERVICES);
            System.out.printf("PROOF replicas: replica a of every service started again, healthy after %d ms%n",
                    (System.nanoTime() - restarted) / 1_000_000);
            awaitProgress(stream, 10, 10);
        } finally {
            stream.stop();
        }
        stream.settleUncertainDeclarations();
        long streamMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(List.of(), stream.unexpected, "every answer was one the clients could expect");

        Figures figures = awaitAgreement(stream);
        List<String> runs = rebuildRuns(secondRebuild);
        outboxEventsPublishedOnce(killedAt);

        System.out.printf("PROOF replicas: clients ran %d ms: answers per replica %s; %d allocations issued (201), "
                        + "%d with unknown outcome, %d requests passed over to the other replica (connection refused); "
                        + "%d contracts signed (%d unknown); %d declaration requests, %d lines accepted = %d cents; "
                        + "same Idempotency-Key: %d retries of a lost answer on the other replica, %d repeats on the "
                        + "other replica, %d sent to both at once, all answered alike; %d answered D02 (allocation not "
                        + "replicated yet) and declared again later; %d 5xx%n",
                streamMillis, stream.answeredBy, stream.issued.size(), stream.allocationsOutcomeUnknown.get(),
                stream.passedOver.get(), stream.contractsSigned.size(), stream.contractsOutcomeUnknown.get(),
                stream.declarationRequests.get(), stream.acceptedLines.size(), stream.acceptedCents(),
                stream.retriesOnTheOtherReplica.get(), stream.repeatsOnTheOtherReplica.get(),
                stream.sentToBothAtOnce.get(), stream.notYetReplicated.get(), stream.serverErrors.get());
        System.out.println("PROOF replicas: " + figures + " (the same through either replica)");
        System.out.println("PROOF replicas: monitoring's rebuilds: " + runs);
        for (int r = 0; r < REPLICAS; r++) {
            assertTrue(stream.answeredBy.get(r) > 0, "replica " + (char) ('a' + r) + " answered requests");
        }
        assertTrue(stream.repeatsOnTheOtherReplica.get() + stream.sentToBothAtOnce.get() > 0,
                "idempotency keys were tried across replicas");

        BsnScan scan = Privacy.scan(platform.wire(), List.of(platform.databaseOf("contracting"),
                platform.databaseOf("provider"), platform.databaseOf("monitoring")),
                platform.logDirs.toArray(java.nio.file.Path[]::new));
        System.out.printf("PROOF replicas: privacy scan of the replica platform: %d messages, log lines and values "
                + "read, BSNs found: %d%n", scan.total(), scan.hits);
        assertEquals(List.of(), scan.found, "no BSN outside access-service");
    }

    /** What the services say, in one comparable value. */
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

    private Figures awaitAgreement(Stream stream) {
        long t = System.nanoTime();
        Wire wire = platform.wire();
        await("every reader caught up").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Long> lag = wire.lagPerGroup();
                    assertTrue(lag.values().stream().allMatch(l -> l == 0), "consumer lag " + lag);
                    for (String s : FaultPlatform.SERVICES) {
                        assertEquals(0, Databases.unpublished(platform.databaseOf(s)), s + " outbox drained");
                    }
                });
        Figures[] last = new Figures[1];
        await("the services agree, through either replica").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Figures a = agree(stream, worlds.get(0));
                    for (int r = 1; r < REPLICAS; r++) {
                        assertEquals(a, agree(stream, worlds.get(r)), "replica " + (char) ('a' + r) + " says the same");
                    }
                    last[0] = a;
                });
        System.out.printf("PROOF replicas: caught up and agreeing within %d ms%n", (System.nanoTime() - t) / 1_000_000);
        return last[0];
    }

    /** Reads every service's totals through one replica and checks them against each other and the clients. */
    private Figures agree(Stream stream, World world) {
        Set<String> accessIds = new TreeSet<>();
        long expected = 0;
        long committed = 0;
        long realised = 0;
        for (String m : MUNICIPALITIES) {
            for (Map<String, Object> a : pages(() -> world.access, "/api/v1/allocations", world.tokens.accessOfficer(m))) {
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
                Databases.count(platform.databaseOf("access"), "select count(*) from contract"),
                Databases.count(platform.databaseOf("provider"), "select count(*) from contract_replica"),
                Databases.count(platform.databaseOf("monitoring"), "select count(*) from contract_view"));

        Set<String> told = new TreeSet<>();
        stream.issued.forEach(i -> told.add(i.id()));
        assertTrue(accessIds.containsAll(told), "access lost an issued allocation");
        assertTrue(accessIds.size() - told.size() <= stream.allocationsOutcomeUnknown.get(),
                "access holds allocations nobody issued: " + f);
        assertEquals(accessIds, providerIds, "provider-service replicated exactly access's allocations");
        assertEquals(accessIds.size(), allocationsMonitoring, "monitoring counts every allocation once");
        assertEquals(new TreeSet<>(stream.acceptedLines.keySet()), acceptedAtProvider.keySet(),
                "provider-service accepted exactly the lines the clients were told");
        assertEquals(stream.acceptedCents(), acceptedCents);
        assertEquals(acceptedCents, realised, "realised budgets = accepted declarations");
        assertEquals(acceptedCents, realisedMonitoring, "monitoring's realised = accepted declarations");
        assertEquals(acceptedCents, spend, "monitoring's spend = accepted declarations");
        assertEquals(expected, committed + realised, "committed + realised = the allocations' expected costs");
        assertEquals(committed, committedMonitoring, "monitoring's committed = access's");
        assertTrue(f.contractsContracting() >= stream.contractsSigned.size()
                + (long) MUNICIPALITIES.size() * agbs.size());
        assertEquals(f.contractsContracting(), f.contractsAccess(), "access replicated every contract once");
        assertEquals(f.contractsContracting(), f.contractsProvider(), "provider replicated every contract once");
        assertEquals(f.contractsContracting(), f.contractsMonitoring(), "monitoring has every contract once");
        return f;
    }

    /**
     * Monitoring's rebuilds as its database keeps them: the one killed with its replica was taken over by the other
     * replica and finished, the read models are open again, and no two rebuilds overlapped.
     */
    private List<String> rebuildRuns(Api.Response secondRequest) throws SQLException {
        record Run(long id, String state, Instant startedAt, Instant finishedAt, String reason) {
        }
        List<Run> runs = new ArrayList<>();
        boolean open;
        try (Connection c = Databases.open(platform.databaseOf("monitoring")); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "select id, state, started_at, finished_at, reason from rebuild_run order by id")) {
                while (rs.next()) {
                    runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5)));
                }
            }
            try (ResultSet rs = st.executeQuery("select open from read_model_fence where id = 1")) {
                rs.next();
                open = rs.getBoolean(1);
            }
        }
        assertFalse(runs.isEmpty(), "the rebuild was recorded");
        assertEquals("DONE", runs.get(runs.size() - 1).state(), "the last rebuild finished: " + runs);
        assertTrue(open, "the read models are open to the listeners again");
        for (int i = 1; i < runs.size(); i++) {
            Run before = runs.get(i - 1);
            assertTrue(before.finishedAt() != null && !before.finishedAt().isAfter(runs.get(i).startedAt()),
                    "one rebuild at a time: " + runs);
        }
        if (secondRequest.status() == 202) {
            // allowed only if the first one had finished by then: then two runs, the first DONE
            assertEquals("DONE", runs.get(0).state(), "a second rebuild was started while the first ran: " + runs);
        } else {
            assertEquals(409, secondRequest.status(), secondRequest.toString());
            assertTrue(secondRequest.isProblem() && secondRequest.body().contains("rebuild-running"),
                    secondRequest.toString());
        }
        List<String> described = new ArrayList<>();
        for (Run run : runs) {
            described.add(run.id() + " " + run.state() + " (" + run.reason() + ", "
                    + Duration.between(run.startedAt(), run.finishedAt()).toMillis() + " ms)");
        }
        return described;
    }

    /**
     * Every event of every outbox row is on its topic, and once: two relays on one table (one per replica) never
     * send a row both. The only allowed repeats are of rows a relay had sent when its replica was killed, before it
     * could mark them published: created before that kill and published after it.
     */
    private void outboxEventsPublishedOnce(Map<String, Instant> killedAt) {
        Map<String, Long> onTopics = platform.wire().recordsPerEventId();
        long events = 0;
        long repeatedAfterKill = 0;
        Map<String, Long> perService = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        Set<String> inOutboxes = new TreeSet<>();
        for (String service : List.of("access", "contracting", "provider", "monitoring")) {
            List<Databases.OutboxEvent> outbox = Databases.outboxEvents(platform.databaseOf(service));
            perService.put(service, (long) outbox.size());
            for (Databases.OutboxEvent e : outbox) {
                events++;
                inOutboxes.add(e.eventId());
                long records = onTopics.getOrDefault(e.eventId(), 0L);
                if (records == 1) {
                    continue;
                }
                Instant kill = killedAt.get(service);
                boolean pendingAtTheKill = kill != null && e.publishedAt() != null
                        && !e.createdAt().isAfter(kill) && !e.publishedAt().isBefore(kill);
                if (records == 2 && pendingAtTheKill) {
                    repeatedAfterKill++;
                } else {
                    wrong.add(service + " event " + e.eventId() + " on " + e.topic() + ": " + records + " records");
                }
            }
        }
        for (String id : onTopics.keySet()) {
            if (!inOutboxes.contains(id)) {
                wrong.add("a record of no outbox row: " + id);
            }
        }
        long records = onTopics.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("PROOF replicas: outbox events per service %s, %d in all; records on the topics %d; "
                        + "each event once, except %d sent by a relay killed before it marked them (created before "
                        + "the kill, published after it); wrong: %d%n", perService, events, records,
                repeatedAfterKill, wrong.size());
        assertEquals(List.of(), wrong.stream().limit(20).toList(), "every event published once per outbox row");
        assertTrue(events > 0, "the outboxes held the events");
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
