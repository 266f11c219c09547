package nl.regioinkoop.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sizes and durations, each from an argument {@code key=value}, else the system property {@code bench.key}, else
 * the default (chosen so a run on 2 shared cores ends within 10 minutes).
 */
final class Options {
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("demo.clients", "2750");       // the demo region (Midden-Limburg West), loaded through the APIs
        DEFAULTS.put("p2.journeys", "2000");        // measured referral -> triage -> allocation chains
        DEFAULTS.put("p2.warmup", "200");           // chains before the measurement (JIT, pools), not counted
        DEFAULTS.put("p2.concurrency", "8");        // access officers working at once (closed loop)
        DEFAULTS.put("p2.poll-ms", "25");           // how often the monitoring count is read
        DEFAULTS.put("p1.months", "10");            // declaration lines per P2 allocation (one per month)
        DEFAULTS.put("p1.chunk", "5000");           // lines per bulk request
        DEFAULTS.put("p1.concurrency", "2");        // bulk requests at once
        DEFAULTS.put("p3.repeats", "30");           // measured calls per dashboard query and role
        DEFAULTS.put("large.clients", "500000");    // the larger size for P3/P4 by event replay, at most (0: skip)
        DEFAULTS.put("large.lines", "12");          // declaration lines per client of the larger size
        DEFAULTS.put("large.seconds", "90");        // ... as many clients as monitoring applies in this time
        DEFAULTS.put("profile", "");                // a service (e.g. access) to record with JFR during P2 and P1
        DEFAULTS.put("service-heap", "384m");       // -Xmx of each service (as deploy/local)
        DEFAULTS.put("service-jit", "c1");          // c1: -XX:TieredStopAtLevel=1 (as deploy/local); full: with C2
        DEFAULTS.put("screens.repeats", "30");      // ScreensBench: measured answers per screen and size
        DEFAULTS.put("screens.large-clients", "100000"); // ScreensBench: residents added for the larger size (0: skip)
        DEFAULTS.put("screens.out", "");            // ScreensBench: JSON file; default deploy/bench/results/<date>-screens.json
        DEFAULTS.put("out", "deploy/bench/target/bench-result.json");
        DEFAULTS.put("logs", "deploy/bench/target/service-logs");
    }

    private final Map<String, String> values = new TreeMap<>();

    Options(String[] args) {
        DEFAULTS.forEach((key, value) -> values.put(key, System.getProperty("bench." + key, value)));
        for (String arg : args) {
            String plain = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = plain.indexOf('=');
            if (eq < 1 || !DEFAULTS.containsKey(plain.substring(0, eq))) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + DEFAULTS.keySet());
            }
            values.put(plain.substring(0, eq), plain.substring(eq + 1));
        }
    }

    int integer(String key) {
        return Integer.parseInt(values.get(key).replace("_", ""));
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(values.get(key));
    }

    String text(String key) {
        return values.get(key);
    }

    Path path(String key) {
        return Path.of(values.get(key)).toAbsolutePath();
    }

    Map<String, String> all() {
        return values;
    }
}
