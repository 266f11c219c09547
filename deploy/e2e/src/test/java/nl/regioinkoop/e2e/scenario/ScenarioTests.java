package nl.regioinkoop.e2e.scenario;

import nl.regioinkoop.e2e.RunningPlatform;
import nl.regioinkoop.local.scenario.ScenarioPlatform;
import nl.regioinkoop.testkit.Api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the scenario tests share: the running platform as a scenario sees it, and reading budget lines. */
final class ScenarioTests {
    private ScenarioTests() {
    }

    static ScenarioPlatform platform() {
        RunningPlatform running = RunningPlatform.get();
        return new ScenarioPlatform(running.access.baseUrl(), running.contracting.baseUrl(),
                running.provider.baseUrl(), running.monitoring.baseUrl(), running.tokens,
                LocalDate.now(ZoneId.of("Europe/Amsterdam")));
    }

    /** A municipality's budget line for a year as access-service holds it (amount, committed, realised). */
    static Map<String, Object> budgetLine(ScenarioPlatform p, String municipality, int year, String line) {
        Api.Response budgets = p.access.get("/api/v1/budgets?year=" + year + "&size=100",
                p.tokens.municipalityAnalyst(municipality));
        assertEquals(200, budgets.status(), budgets.toString());
        return ScenarioPlatform.content(budgets).stream().filter(b -> line.equals(b.get("line"))).findFirst()
                .orElseThrow(() -> new AssertionError("no budget line " + line + " of " + municipality + ": " + budgets));
    }

    static long cents(Map<String, Object> map, String field) {
        return ((Number) map.get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
