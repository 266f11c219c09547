package nl.regioinkoop.bench;

import nl.regioinkoop.testkit.Api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P3: what the dashboard asks when an analyst opens it, one analyst at a time (a region analyst and Weert's
 * municipality analyst, alternating): every figure of the year 2026, JSON. {@code p3.repeats} measured calls per
 * query and role after three warm-up calls.
 */
final class DashboardQueries {
    static final String YEAR = "from=2026-01-01&to=2026-12-31";
    static final List<String> QUERIES = List.of(
            "/api/v1/dimensions",
            "/api/v1/pyramid?" + YEAR,
            "/api/v1/budgets?" + YEAR,
            "/api/v1/referrers?" + YEAR,
            "/api/v1/scorecards?page=0&size=50&" + YEAR,
            "/api/v1/market?" + YEAR,
            "/api/v1/signals?" + YEAR);

    private DashboardQueries() {
    }

    /** @param size the name of the size in the table, e.g. "demo size (2,750 clients)" */
    static void run(Platform platform, Options options, Results results, String key, String size) {
        Api monitoring = platform.api("monitoring");
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("region", platform.tokens.regionAnalyst("MLW"));
        roles.put("weert", platform.tokens.municipalityAnalyst("0988"));
        int repeats = options.integer("p3.repeats");
        Map<String, Latencies> byQuery = new LinkedHashMap<>();
        QUERIES.forEach(q -> byQuery.put(q.replaceAll("\\?.*", ""), new Latencies()));
        Latencies all = new Latencies();
        for (int r = -3; r < repeats; r++) {
            for (String token : roles.values()) {
                for (String query : QUERIES) {
                    long t = System.nanoTime();
                    Json.expect(200, monitoring.get(query, token), query);
                    long took = System.nanoTime() - t;
                    if (r >= 0) {
                        all.record(took);
                        byQuery.get(query.replaceAll("\\?.*", "")).record(took);
                    }
                }
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("size", size);
        detail.put("all", all.summary());
        String slowest = null;
        for (Map.Entry<String, Latencies> e : byQuery.entrySet()) {
            detail.put(e.getKey(), e.getValue().summary());
            if (slowest == null || e.getValue().percentileMillis(95) > byQuery.get(slowest).percentileMillis(95)) {
                slowest = e.getKey();
            }
        }
        results.detail(key, detail);
        double p95 = all.percentileMillis(95);
        results.figure("P3", "dashboard queries at " + size + ", p50/p95/p99 (7 queries x 2 roles)", all.text(), null,
                null, "p95 < 50 ms", p95 < 50);
        results.figure("P3", "slowest query at " + size + ": " + slowest, byQuery.get(slowest).text(), null, null, null,
                null);
        Bench.step("P3 at " + size + ": " + all.text() + "; slowest " + slowest + " " + byQuery.get(slowest).text());
    }
}
