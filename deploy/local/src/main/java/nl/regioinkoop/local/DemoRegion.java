package nl.regioinkoop.local;

import nl.regioinkoop.testkit.Tokens;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo region Midden-Limburg West, loaded on first start through the services' own APIs.
 * Not loaded yet in this version: the services' APIs are being completed first (issue 7).
 */
final class DemoRegion {
    static final String TOUR_PROVIDER_AGB = "01234567";

    private DemoRegion() {
    }

    static void loadIfAbsent(Path home, Tokens tokens, List<LocalPlatform.Service> services) {
        LocalPlatform.step("demo region: not part of this build yet");
    }
}
