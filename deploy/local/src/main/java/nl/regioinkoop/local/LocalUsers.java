package nl.regioinkoop.local;

import nl.regioinkoop.local.scenario.AmsterdamScenario;
import nl.regioinkoop.local.scenario.HartVanBrabantScenario;
import nl.regioinkoop.local.scenario.Scenarios;
import nl.regioinkoop.local.scenario.WestBrabantWestScenario;
import nl.regioinkoop.local.scenario.ZeelandScenario;
import nl.regioinkoop.testkit.DemoUsers;
import nl.regioinkoop.testkit.OidcUser;

import java.util.ArrayList;
import java.util.List;

/**
 * The people of the local run's OIDC server: the demo region's (an access officer and an analyst per municipality,
 * the procurement office, a region analyst, two providers, and Weert's officer with a budget mandate), and the same
 * for each scenario region that is loaded.
 */
final class LocalUsers {
    static final String OVERRIDE_WEERT = "toegang-0988-mandaat";

    private LocalUsers() {
    }

    static List<OidcUser> forRun(String scenarioList) {
        List<OidcUser> users = new ArrayList<>(DemoUsers.midLimburgWest());
        users.add(new OidcUser(OVERRIDE_WEERT, "Toegangsmedewerker Weert met budgetmandaat (0988)", DemoUsers.REGION,
                List.of("ACCESS_OFFICER", "BUDGET_OVERRIDE"), "municipality", "0988"));
        List<String> scenarios = scenarioList == null ? List.of() : Scenarios.parse(scenarioList);
        if (scenarios.contains(HartVanBrabantScenario.NAME)) {
            region(users, "Hart van Brabant", HartVanBrabantScenario.REGION, new String[][]{{"0855", "Tilburg"},
                    {"0766", "Dongen"}, {"0784", "Gilze en Rijen"}, {"0785", "Goirle"}, {"0798", "Hilvarenbeek"},
                    {"0809", "Loon op Zand"}, {"0824", "Oisterwijk"}, {"0867", "Waalwijk"}, {"0797", "Heusden"}},
                    new String[][]{{"42000001", "Wijkteam Tilburg Noord"}, {"42000002", "Stichting Samen Oud-Noord"}});
        }
        if (scenarios.contains(AmsterdamScenario.NAME)) {
            region(users, "Amsterdam-Amstelland", AmsterdamScenario.REGION, new String[][]{{"0363", "Amsterdam"},
                    {"0362", "Amstelveen"}, {"0358", "Aalsmeer"}, {"0384", "Diemen"}, {"0437", "Ouder-Amstel"},
                    {"0451", "Uithoorn"}},
                    new String[][]{{"43000001", "Ouder-Kindteam Plus Amstel"}, {"43000002", "Jeugdhulp Amstelland"}});
        }
        if (scenarios.contains(WestBrabantWestScenario.NAME)) {
            region(users, "West-Brabant West", WestBrabantWestScenario.REGION, new String[][]{{"1674", "Roosendaal"},
                    {"0748", "Bergen op Zoom"}, {"0851", "Steenbergen"}, {"0873", "Woensdrecht"}},
                    new String[][]{{"44000001", "Jeugdhulp Roosendaal"}, {"44000002", "Gezinskracht West-Brabant"}});
        }
        if (scenarios.contains(ZeelandScenario.NAME)) {
            region(users, "Zeeland", ZeelandScenario.REGION, new String[][]{{"0687", "Middelburg"},
                    {"0718", "Vlissingen"}, {"0664", "Goes"}},
                    new String[][]{{"45000001", "Jeugdhulp Walcheren"}, {"45000002", "Praktijk Oosterschelde"}});
        }
        return users;
    }

    private static void region(List<OidcUser> users, String name, String code, String[][] municipalities,
                               String[][] providers) {
        for (String[] m : municipalities) {
            users.add(OidcUser.accessOfficer(name, m[0], m[1]));
        }
        for (String[] m : municipalities) {
            users.add(OidcUser.municipalityAnalyst(name, m[0], m[1]));
        }
        users.add(OidcUser.procurementOfficer(name, code));
        users.add(OidcUser.regionAnalyst(name, code));
        for (String[] p : providers) {
            users.add(OidcUser.provider(name, p[0], p[1]));
        }
    }
}
