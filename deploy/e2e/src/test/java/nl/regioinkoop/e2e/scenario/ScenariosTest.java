package nl.regioinkoop.e2e.scenario;

import nl.regioinkoop.local.scenario.ScenarioPlatform;
import nl.regioinkoop.local.scenario.Scenarios;
import nl.regioinkoop.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SCENARIO for the local run: names checked, {@code all}, and a scenario loaded once per data directory. */
class ScenariosTest {
    @Test
    void readsACommaListAllOrNothing() {
        assertEquals(List.of("hart-van-brabant", "amsterdam", "west-brabant-west", "zeeland"), Scenarios.parse("all"));
        assertEquals(List.of("zeeland", "amsterdam"), Scenarios.parse(" Zeeland,amsterdam,zeeland "));
        assertEquals(List.of(), Scenarios.parse(null));
        assertEquals(List.of(), Scenarios.parse(" "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Scenarios.parse("rotterdam"));
        assertTrue(unknown.getMessage().contains("west-brabant-west"), unknown.getMessage());
    }

    @Test
    void aScenarioLoadedBeforeIsNotLoadedAgain(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("scenario-zeeland.loaded"), "3 contracts\n");
        // nothing listens on port 9: a load would fail, so passing shows none was attempted
        ScenarioPlatform nowhere = new ScenarioPlatform("http://127.0.0.1:9", "http://127.0.0.1:9",
                "http://127.0.0.1:9", "http://127.0.0.1:9", Tokens.local(), LocalDate.of(2026, 11, 22));
        List<String> log = new ArrayList<>();
        Scenarios.loadIfAbsent(home, "zeeland", nowhere, log::add);
        assertEquals(List.of("scenario zeeland: already loaded (3 contracts)"), log);
    }
}
