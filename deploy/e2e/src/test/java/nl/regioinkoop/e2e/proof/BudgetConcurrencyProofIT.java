package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.e2e.RunningPlatform;
import nl.regioinkoop.e2e.proof.World.Product;
import nl.regioinkoop.testkit.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 allocation attempts from 20 threads against tight budget lines of three municipalities, over HTTP on the
 * running services. The conditional update in access-service must hold under that contention: committed never
 * exceeds the amount, committed is exactly the sum of the issued allocations' expected costs, and every refusal is
 * a 422 {@code budget-exceeded}.
 */
class BudgetConcurrencyProofIT {
    private static final int ATTEMPTS = Integer.getInteger("proof.budgetAttempts", 1_000);
    private static final int THREADS = Integer.getInteger("proof.budgetThreads", 20);
    private static final long TARIFF_CENTS = 1_000;
    /** Tight on purpose: a third, a tenth and half of what the attempts ask for (5.5 hours on average). */
    private static final Map<String, Long> AMOUNTS = Map.of(
            World.WEERT, amount(1 / 3.0), World.NEDERWEERT, amount(1 / 10.0), World.LEUDAL, amount(1 / 2.0));

    private static long amount(double shareOfDemand) {
        double demand = ATTEMPTS / 3.0 * 5.5 * TARIFF_CENTS;
        return Math.round(demand * shareOfDemand / 1_000) * 1_000;
    }

    /** What the callers saw for one municipality. */
    private static final class Tally {
        final AtomicLong issued = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong issuedCents = new AtomicLong();
        final AtomicLong highestCommittedSeen = new AtomicLong();
        final AtomicLong observations = new AtomicLong();
        final List<String> issuedIds = Collections.synchronizedList(new ArrayList<>());
    }

    @Test
    void concurrentAllocationsNeverPushABudgetLineOverItsAmount() throws Exception {
        World world = World.of(RunningPlatform.get());
        String agb = World.newAgb();
        Product product = Product.ambulantPerHour(World.newProductCode(), TARIFF_CENTS);
        world.registerProvider(agb, "Proef Budgetbewaking");

        // a budget year no other test uses, so the lines start empty
        int year = 2031;
        Map<String, String> lines = new LinkedHashMap<>();
        while (lines.size() < World.MUNICIPALITIES.size()) {
            lines.clear();
            for (String m : World.MUNICIPALITIES) {
                String id = world.setBudget(m, year, product.segment(), AMOUNTS.get(m));
                if (id != null) {
                    lines.put(m, id);
                }
            }
            if (lines.size() < World.MUNICIPALITIES.size()) {
                year++;
            }
        }
        LocalDate from = LocalDate.of(year, 2, 2);
        LocalDate to = LocalDate.of(year, 6, 28);
        Map<String, List<String>> referrals = new LinkedHashMap<>();
        for (String m : World.MUNICIPALITIES) {
            world.signLocalContract(m, agb, product, LocalDate.of(year, 1, 1), 1);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(world.triagedReferral(m, product.segment()));
            }
            referrals.put(m, ids);
        }
        for (String m : World.MUNICIPALITIES) {
            world.awaitEligible(m, referrals.get(m).get(0), agb, product, from, to);
        }

        Map<String, Tally> tallies = new LinkedHashMap<>();
        World.MUNICIPALITIES.forEach(m -> tallies.put(m, new Tally()));
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                String m = World.MUNICIPALITIES.get(i % World.MUNICIPALITIES.size());
                int attempt = i;
                done.add(pool.submit(() -> {
                    List<String> ids = referrals.get(m);
                    long volume = 1 + ThreadLocalRandom.current().nextInt(10);
                    Api.Response r = world.allocate(m, ids.get(ThreadLocalRandom.current().nextInt(ids.size())), agb,
                            product, volume, "6", from, to);
                    Tally tally = tallies.get(m);
                    if (r.status() == 201) {
                        tally.issued.incrementAndGet();
                        tally.issuedCents.addAndGet(Json.number(r.json(), "expectedCostCents"));
                        tally.issuedIds.add(Json.text(r.json(), "id"));
                    } else if (r.status() == 422 && r.isProblem()
                            && String.valueOf(r.json().get("type")).endsWith("/budget-exceeded")) {
                        tally.refused.incrementAndGet();
                    } else {
                        unexpected.add(m + " volume " + volume + ": " + r);
                    }
                    if (attempt % 10 == 0) { // watch the line while the others write to it
                        Api.Response line = world.access.get("/api/v1/budgets/" + lines.get(m),
                                world.tokens.municipalityAnalyst(m));
                        if (line.status() == 200) {
                            tally.highestCommittedSeen.accumulateAndGet(Json.number(line.json(), "committedCents"),
                                    Math::max);
                            tally.observations.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of(), unexpected, "every attempt is issued (201) or refused with 422 budget-exceeded");
        System.out.printf("PROOF budgets: %d allocation attempts from %d threads in %d ms on budget year %d%n",
                ATTEMPTS, THREADS, millis, year);
        for (String m : World.MUNICIPALITIES) {
            Tally tally = tallies.get(m);
            Map<String, Object> line = world.access.get("/api/v1/budgets/" + lines.get(m),
                    world.tokens.accessOfficer(m)).json();
            long amount = Json.number(line, "amountCents");
            long committed = Json.number(line, "committedCents");
            long realised = Json.number(line, "realisedCents");
            List<Map<String, Object>> onLine = allocationsOnLine(world, m, lines.get(m));
            long listedCents = onLine.stream().mapToLong(a -> Json.number(a, "expectedCostCents")).sum();
            System.out.printf("PROOF budgets: %s issued=%d refused=%d committed=%d amount=%d remaining=%d "
                            + "sumOfIssuedExpectedCosts=%d highestCommittedSeenDuringRun=%d (%d looks)%n",
                    m, tally.issued.get(), tally.refused.get(), committed, amount, amount - committed - realised,
                    listedCents, tally.highestCommittedSeen.get(), tally.observations.get());

            assertEquals(ATTEMPTS / 3 + (World.MUNICIPALITIES.indexOf(m) < ATTEMPTS % 3 ? 1 : 0),
                    tally.issued.get() + tally.refused.get(), m + ": every attempt answered");
            assertTrue(tally.issued.get() > 0 && tally.refused.get() > 0, m + ": the budget was tight: some "
                    + "allocations fit, others did not");
            assertTrue(committed + realised <= amount, m + ": committed " + committed + " exceeds " + amount);
            assertTrue(tally.highestCommittedSeen.get() <= amount, m + ": over the amount during the run");
            assertEquals(tally.issued.get(), onLine.size(), m + ": access lists exactly the issued allocations");
            assertEquals(sorted(tally.issuedIds), sorted(onLine.stream().map(a -> Json.text(a, "id")).toList()),
                    m + ": the same allocations the callers were told were issued");
            assertEquals(listedCents, committed, m + ": committed = sum of the issued allocations' expected costs");
            assertEquals(tally.issuedCents.get(), committed, m + ": committed = what the callers were told");
        }
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    /** Every allocation of the municipality on the budget line, read page by page from access-service's API. */
    static List<Map<String, Object>> allocationsOnLine(World world, String municipality, String lineId) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Response r = world.access.get("/api/v1/allocations?size=100&page=" + page,
                    world.tokens.municipalityAnalyst(municipality));
            assertEquals(200, r.status(), r.toString());
            List<Map<String, Object>> content = Json.content(r.json());
            content.stream().filter(a -> lineId.equals(a.get("budgetLineId"))).forEach(found::add);
            if (content.size() < 100) {
                return found;
            }
        }
    }
}
