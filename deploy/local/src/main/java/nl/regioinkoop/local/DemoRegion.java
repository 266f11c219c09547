package nl.regioinkoop.local;

import nl.regioinkoop.local.demo.DemoRegionLoader;
import nl.regioinkoop.local.demo.RegionPlan;
import nl.regioinkoop.local.scenario.ScenarioPlatform;
import nl.regioinkoop.local.scenario.Scenarios;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo region Midden-Limburg West, loaded on first start through the services' own APIs. A marker file in
 * {@code .local/} tells a second start that the data (kept in {@code .local/pg} and {@code .local/kafka}) is there.
 * {@code DEMO_CLIENTS} sets the size (default 2,750), {@code DEMO=off} skips it. {@code SCENARIO} names regional
 * models to load after it ({@code deploy/local/SCENARIOS.md}).
 */
final class DemoRegion {
    /** The provider whose token the local run prints: the largest ambulant provider of the demo region. */
    static final String TOUR_PROVIDER_AGB = "41000012";

    private DemoRegion() {
    }

    static void loadIfAbsent(Path home, Tokens tokens, List<ServiceProcesses.Service> services) throws Exception {
        loadDemoIfAbsent(home, tokens, services);
        // SCENARIO=hart-van-brabant,amsterdam,west-brabant-west,zeeland (or all): the field's models, see SCENARIOS.md
        Scenarios.loadIfAbsent(home, Infra.env("SCENARIO"), new ScenarioPlatform(url(services, "access"),
                url(services, "contracting"), url(services, "provider"), url(services, "monitoring"), tokens,
                LocalDate.now(ZoneId.of("Europe/Amsterdam"))), LocalPlatform::step);
    }

    private static void loadDemoIfAbsent(Path home, Tokens tokens, List<ServiceProcesses.Service> services)
            throws Exception {
        Path marker = home.resolve("demo-region.loaded");
        if ("off".equalsIgnoreCase(Infra.envOr("DEMO", "on"))) {
            LocalPlatform.step("demo region: skipped (DEMO=off)");
            return;
        }
        if (Files.exists(marker)) {
            LocalPlatform.step("demo region: already loaded (" + Files.readString(marker).strip() + ")");
            return;
        }
        int clients = Integer.parseInt(Infra.envOr("DEMO_CLIENTS", "2750"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        RegionPlan plan = new RegionPlan(clients, today, 20_260_101L);
        LocalPlatform.step("demo region: loading Midden-Limburg West through the APIs (" + clients + " clients)");
        long started = System.nanoTime();
        DemoRegionLoader.Summary summary = new DemoRegionLoader(url(services, "access"), url(services, "contracting"),
                url(services, "provider"), tokens, plan).load();
        String loaded = String.format("%d providers, %d contracts, %d clients, %d allocations, %d declaration lines, "
                        + "%d requests in %d s", summary.providers(), summary.contracts(), summary.clients(),
                summary.allocations(), summary.declarationLines(), summary.requests(),
                (System.nanoTime() - started) / 1_000_000_000);
        Files.writeString(marker, loaded + "\n");
        LocalPlatform.step("demo region: " + loaded);
    }

    private static String url(List<ServiceProcesses.Service> services, String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().url();
    }
}
