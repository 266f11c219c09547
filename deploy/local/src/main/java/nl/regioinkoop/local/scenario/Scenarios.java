package nl.regioinkoop.local.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The regional models by name, for the local run: {@code SCENARIO=hart-van-brabant,zeeland} (or {@code all}) loads
 * them after the demo region, each once: a marker file per scenario tells a second start it is there.
 */
public final class Scenarios {
    private static final Map<String, Function<ScenarioPlatform, String>> ALL = new LinkedHashMap<>();

    static {
        ALL.put(HartVanBrabantScenario.NAME, p -> new HartVanBrabantScenario().load(p).summary());
        ALL.put(AmsterdamScenario.NAME, p -> new AmsterdamScenario().load(p).summary());
        ALL.put(WestBrabantWestScenario.NAME, p -> new WestBrabantWestScenario().load(p).summary());
        ALL.put(ZeelandScenario.NAME, p -> new ZeelandScenario().load(p).summary());
    }

    private Scenarios() {
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The names in a comma list, checked; blank means none, {@code all} every scenario. */
    public static List<String> parse(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        if (list.strip().equalsIgnoreCase("all")) {
            return names();
        }
        List<String> chosen = new ArrayList<>();
        for (String name : list.split(",")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (!ALL.containsKey(n)) {
                throw new IllegalArgumentException("unknown scenario '" + n + "'; known: " + names() + " or all");
            }
            if (!chosen.contains(n)) {
                chosen.add(n);
            }
        }
        return chosen;
    }

    /** Loads each named scenario not loaded before into the platform; {@code log} gets one line per scenario. */
    public static void loadIfAbsent(Path home, String list, ScenarioPlatform platform, Consumer<String> log)
            throws Exception {
        for (String name : parse(list)) {
            Path marker = home.resolve("scenario-" + name + ".loaded");
            if (Files.exists(marker)) {
                log.accept("scenario " + name + ": already loaded (" + Files.readString(marker).strip() + ")");
                continue;
            }
            log.accept("scenario " + name + ": loading through the APIs");
            long started = System.nanoTime();
            String summary = ALL.get(name).apply(platform) + " in " + (System.nanoTime() - started) / 1_000_000_000
                    + " s";
            Files.writeString(marker, summary + "\n");
            log.accept("scenario " + name + ": " + summary);
        }
    }
}
