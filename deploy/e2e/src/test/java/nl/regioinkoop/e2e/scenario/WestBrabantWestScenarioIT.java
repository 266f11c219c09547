package nl.regioinkoop.e2e.scenario;

import nl.regioinkoop.local.scenario.ScenarioPlatform;
import nl.regioinkoop.local.scenario.TestBsns;
import nl.regioinkoop.local.scenario.WestBrabantWestScenario;
import nl.regioinkoop.local.scenario.WestBrabantWestScenario.Journey;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static nl.regioinkoop.e2e.scenario.ScenarioTests.map;
import static nl.regioinkoop.local.scenario.WestBrabantWestScenario.LOW_COMPLEX;
import static nl.regioinkoop.local.scenario.WestBrabantWestScenario.LOW_COMPLEX_PROVIDERS;
import static nl.regioinkoop.local.scenario.WestBrabantWestScenario.NEWCOMER;
import static nl.regioinkoop.local.scenario.WestBrabantWestScenario.ROOSENDAAL;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * West-Brabant West: the family chooses among the providers contracted for its profile, the open house admits a
 * provider meeting the requirements during the term, and each provider's dropout, satisfaction and goal
 * realisation are shown by monitoring.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WestBrabantWestScenarioIT {
    ScenarioPlatform p;
    WestBrabantWestScenario.Loaded loaded;

    @BeforeAll
    void load() {
        p = ScenarioTests.platform();
        loaded = new WestBrabantWestScenario().load(p);
    }

    @Test
    void theFamilyChoosesAmongTheProvidersContractedForItsProfileAndTheAllocationRecordsTheChoice() {
        LocalDate from = p.careFrom();
        LocalDate to = from.plusMonths(6);
        String referral = referral(TestBsns.block(250, 1).get(0), "CP2");
        List<Object> eligible = eligible(referral, from, to);
        Set<String> offered = eligible.stream().map(e -> String.valueOf(map(e).get("providerAgb")))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(LOW_COMPLEX_PROVIDERS), offered, "the open house's low complex providers");

        String chosen = String.valueOf(map(eligible.get(eligible.size() - 1)).get("providerAgb")); // not the first offered
        Api.Response allocation = p.post(p.access, "/api/v1/allocations", p.tokens.accessOfficer(ROOSENDAAL), Map.of(
                "referralId", referral, "providerAgb", chosen, "productCode", LOW_COMPLEX.productCode(), "volume", 1,
                "unit", "82", "frequency", "6", "validFrom", from.toString(), "validTo", to.toString(),
                "chosenByFamily", true));

        assertEquals(201, allocation.status(), allocation.toString());
        assertEquals(chosen, allocation.json().get("providerAgb"));
        assertEquals(Boolean.TRUE, allocation.json().get("chosenByFamily"));
        assertEquals(offered, Set.of(String.valueOf(allocation.json().get("eligibleProviders")).split(",")),
                "the allocation keeps whom the family could choose from");
        assertEquals(LOW_COMPLEX.price("CP2", 1), ScenarioTests.cents(allocation.json(), "expectedCostCents"));
        for (Map<String, Object> loadedAllocation : loaded.allocations()) {
            assertEquals(Boolean.TRUE, loadedAllocation.get("chosenByFamily"));
        }

        // low complex care has no price for profile CP8: nobody is contracted for that family within this arrangement
        String heavy = referral(TestBsns.block(251, 1).get(0), "CP8");
        assertTrue(eligible(heavy, from, to).isEmpty());
        Api.Response refused = p.post(p.access, "/api/v1/allocations", p.tokens.accessOfficer(ROOSENDAAL), Map.of(
                "referralId", heavy, "providerAgb", chosen, "productCode", LOW_COMPLEX.productCode(), "volume", 1,
                "unit", "82", "frequency", "6", "validFrom", from.toString(), "validTo", to.toString(),
                "chosenByFamily", true));
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.body().contains("no-valid-contract") && refused.body().contains("CP8"), refused.body());
    }

    @Test
    void aProviderMeetingTheRequirementsIsAdmittedDuringTheTermAndBecomesEligibleFromThatDay() {
        String entrant = "44000011";
        ScenarioPlatform.expect(201, p.post(p.provider, "/api/v1/providers",
                p.tokens.procurementOfficer(WestBrabantWestScenario.REGION), Map.of("agbCode", entrant,
                        "kvkNumber", "74000011", "name", "Jeugdhulp Kalmthoutse Heide", "kind", "YOUTH_CARE")), "registering");
        String lot = loaded.lotIdBySegment().get(LOW_COMPLEX.segment());
        LocalDate today = p.today;
        String referral = referral(TestBsns.block(252, 1).get(0), "CP3");
        assertTrue(agbs(eligible(referral, today, today.plusMonths(3))).contains(NEWCOMER),
                "the provider admitted while the scenario loaded");
        assertTrue(!agbs(eligible(referral, today, today.plusMonths(3))).contains(entrant));

        Api.Response withoutRegister = WestBrabantWestScenario.admit(p, loaded.tenderId(), lot, "44000012", false);
        assertEquals(422, withoutRegister.status(), withoutRegister.toString());
        assertTrue(withoutRegister.body().contains("selection-not-met"), withoutRegister.body());

        Api.Response admitted = WestBrabantWestScenario.admit(p, loaded.tenderId(), lot, entrant, true);
        assertEquals(201, admitted.status(), admitted.toString());
        Map<String, Object> terms = map(map(admitted.json().get("contract")).get("terms"));
        assertEquals(today.toString(), terms.get("validFrom"), "admitted from today");
        assertEquals(map(loaded.newcomerContract().get("terms")).get("validTo"), terms.get("validTo"),
                "ends with everyone else's");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                agbs(eligible(referral, today, today.plusMonths(3))).contains(entrant));
        assertTrue(!agbs(eligible(referral, p.careFrom(), today.plusMonths(3))).contains(entrant),
                "not for care that started before its contract");
    }

    @Test
    void eachProvidersDropoutSatisfactionAndGoalRealisationAreShownOnItsScorecard() {
        for (String agb : LOW_COMPLEX_PROVIDERS) {
            List<Journey> own = WestBrabantWestScenario.JOURNEYS.stream().filter(j -> j.chosenAgb().equals(agb)).toList();
            long dropouts = own.stream().filter(j -> Set.of("32", "33").contains(j.stopReason())).count();
            long goals = own.stream().filter(j -> "YES".equals(j.goalRealised())).count();
            double satisfaction = own.stream().mapToInt(Journey::satisfaction).average().orElseThrow();
            String path = "/api/v1/scorecards/" + agb + "?from=" + p.careFrom() + "&to=" + p.today;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Api.Response card = p.monitoring.get(path, p.tokens.provider(agb));
                assertEquals(200, card.status(), card.toString());
                Map<String, Object> scores = map(card.json().get("scorecard"));
                assertEquals(own.size(), ((Number) scores.get("outcomes")).intValue(), scores.toString());
                assertPercent(100.0 * dropouts / own.size(), scores.get("dropoutRate"));
                assertPercent(100.0 * goals / own.size(), scores.get("goalRealisedRate"));
                assertPercent(satisfaction, scores.get("meanSatisfaction"));
            });
        }
        // the same figures travel as events any public page can be built from
        List<String> ids = loaded.allocations().stream().map(a -> String.valueOf(a.get("id"))).toList();
        assertEquals(ids.size(), TopicReader.readAll(Infra.kafkaBootstrapServers(), "provider.reports.v1").stream()
                .filter(m -> "OutcomeReported".equals(m.type()) && ids.contains(m.key())).count());
        Api.Response others = p.monitoring.get("/api/v1/scorecards/" + LOW_COMPLEX_PROVIDERS.get(0),
                p.tokens.provider(LOW_COMPLEX_PROVIDERS.get(1)));
        assertEquals(403, others.status(), "a provider reads its own scorecard only: " + others);
    }

    private static void assertPercent(double expected, Object actual) {
        assertEquals(0, BigDecimal.valueOf(expected).setScale(1, java.math.RoundingMode.HALF_UP)
                .compareTo(new BigDecimal(String.valueOf(actual)).setScale(1, java.math.RoundingMode.HALF_UP)),
                "expected " + expected + ", was " + actual);
    }

    private static Set<String> agbs(List<Object> eligible) {
        return eligible.stream().map(e -> String.valueOf(map(e).get("providerAgb"))).collect(Collectors.toSet());
    }

    private List<Object> eligible(String referral, LocalDate from, LocalDate to) {
        Api.Response r = p.access.get("/api/v1/referrals/" + referral + "/eligible-providers?productCode="
                + LOW_COMPLEX.productCode() + "&validFrom=" + from + "&validTo=" + to, p.tokens.accessOfficer(ROOSENDAAL));
        assertEquals(200, r.status(), r.toString());
        return r.jsonList();
    }

    private String referral(String bsn, String profile) {
        String officer = p.tokens.accessOfficer(ROOSENDAAL);
        String client = ScenarioPlatform.id(ScenarioPlatform.expect(201, p.post(p.access, "/api/v1/clients", officer,
                Map.of("bsn", bsn, "name", "Femke Dekkers", "birthDate", "2013-04-04", "municipalityCode", ROOSENDAAL)),
                "client"));
        String referral = ScenarioPlatform.id(ScenarioPlatform.expect(201, p.post(p.access, "/api/v1/referrals", officer,
                Map.of("clientId", client, "referrerType", "03", "referrerName", "Expertteam Jeugd West-Brabant West",
                        "referralDate", p.careFrom().minusDays(2).toString(), "question", "Opvoedproblemen",
                        "crisis", false)), "referral"));
        ScenarioPlatform.expect(200, p.put(p.access, "/api/v1/referrals/" + referral + "/triage", officer, Map.of(
                "segment", LOW_COMPLEX.segment(), "profile", profile, "intensity", 1, "outcome", "SPECIALIST_CARE")),
                "triage");
        return referral;
    }
}
