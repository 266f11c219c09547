package nl.regioinkoop.e2e.scenario;

import nl.regioinkoop.local.scenario.AmsterdamScenario;
import nl.regioinkoop.local.scenario.ScenarioPlatform;
import nl.regioinkoop.local.scenario.TestBsns;
import nl.regioinkoop.testkit.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static nl.regioinkoop.e2e.scenario.ScenarioTests.budgetLine;
import static nl.regioinkoop.e2e.scenario.ScenarioTests.cents;
import static nl.regioinkoop.e2e.scenario.ScenarioTests.list;
import static nl.regioinkoop.e2e.scenario.ScenarioTests.map;
import static nl.regioinkoop.local.scenario.AmsterdamScenario.AMSTERDAM;
import static nl.regioinkoop.local.scenario.AmsterdamScenario.CATEGORY_B;
import static nl.regioinkoop.local.scenario.AmsterdamScenario.MAIN_CONTRACTOR;
import static nl.regioinkoop.local.scenario.AmsterdamScenario.PRODUCT_B;
import static nl.regioinkoop.local.scenario.AmsterdamScenario.SPECIALIST;
import static nl.regioinkoop.local.scenario.AmsterdamScenario.SUBCONTRACTOR;
import static nl.regioinkoop.local.scenario.AmsterdamScenario.trajectoryPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Amsterdam: a trajectory costs the fixed price of its profile × intensity, 10 % of it on result; a main contractor
 * delivers at least 70 %; one contract per provider for all municipalities; 2 + 1 + 1 years.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmsterdamScenarioIT {
    ScenarioPlatform p;
    AmsterdamScenario.Loaded loaded;
    String procurement;

    @BeforeAll
    void load() {
        p = ScenarioTests.platform();
        loaded = new AmsterdamScenario().load(p);
        procurement = p.tokens.procurementOfficer(AmsterdamScenario.REGION);
    }

    @Test
    void anAllocationCostsTheFixedPriceOfItsProfileAndIntensityAndAnotherIntensityTheOtherPrice() {
        Map<String, Object> p3i2 = loaded.amsterdamTrajectory();
        assertEquals("OUTPUT", p3i2.get("fundingModel"));
        assertEquals("P3", p3i2.get("profile"));
        assertEquals(2, ((Number) p3i2.get("intensity")).intValue());
        assertEquals(trajectoryPrice("P3", 2), cents(p3i2, "expectedCostCents"));
        assertEquals(trajectoryPrice("P3", 2), cents(p3i2, "committedCents"));

        int year = p.careFrom().getYear();
        long committedBefore = cents(budgetLine(p, AMSTERDAM, year, CATEGORY_B), "committedCents");
        String referral = referral(TestBsns.block(150, 1).get(0), "P3", 3);
        Api.Response p3i3 = p.post(p.access, "/api/v1/allocations", p.tokens.accessOfficer(AMSTERDAM), Map.of(
                "referralId", referral, "providerAgb", SPECIALIST, "productCode", PRODUCT_B, "volume", 1, "unit", "82",
                "frequency", "6", "validFrom", p.careFrom().toString(), "validTo", p.careFrom().plusMonths(9).toString(),
                "chosenByFamily", true));

        assertEquals(201, p3i3.status(), p3i3.toString());
        assertEquals(trajectoryPrice("P3", 3), cents(p3i3.json(), "expectedCostCents"));
        assertNotEquals(trajectoryPrice("P3", 2), trajectoryPrice("P3", 3));
        assertEquals(committedBefore + trajectoryPrice("P3", 3),
                cents(budgetLine(p, AMSTERDAM, year, CATEGORY_B), "committedCents"), "the trajectory price is committed");
        assertEquals(trajectoryPrice("P5", 1), cents(loaded.amstelveenTrajectory(), "expectedCostCents"));

        // every trajectory price carries the share paid on result: 10 %
        Map<String, Object> terms = map(contract(SPECIALIST).get("terms"));
        List<Map<String, Object>> tariffs = list(list(terms.get("products")).get(0).get("tariffs"));
        assertEquals(AmsterdamScenario.PROFILES.size() * 3, tariffs.size());
        assertTrue(tariffs.stream().allMatch(t -> cents(t, "resultShareBasisPoints") == 1_000), tariffs.toString());
    }

    @Test
    void aMainContractorBelowSeventyPercentIsRefusedAndAtSeventyPercentContracted() {
        Api.Response refused = loaded.refusedConsortiumBid();
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.contentType());
        assertEquals("https://regio-inkoop.nl/problems/lead-share-below-minimum", refused.json().get("type"));
        assertEquals(6_500, ((Number) refused.json().get("leadShareBasisPoints")).intValue());
        assertEquals(7_000, ((Number) refused.json().get("minimumBasisPoints")).intValue());

        Api.Response bids = p.contracting.get("/api/v1/tenders/" + loaded.tenderId() + "/bids?size=50", procurement);
        assertEquals(200, bids.status(), bids.toString());
        assertEquals(1, ScenarioPlatform.content(bids).stream().filter(b -> list(b.get("parties")).stream()
                .anyMatch(m -> MAIN_CONTRACTOR.equals(m.get("agbCode")) && "LEAD".equals(m.get("role"))))
                .count(), "the refused bid left nothing behind: " + bids.body());
        Map<String, Object> terms = map(contract(MAIN_CONTRACTOR).get("terms"));
        Map<String, Long> shares = new java.util.HashMap<>();
        list(terms.get("members")).forEach(m -> shares.put(String.valueOf(m.get("agbCode")), cents(m, "shareBasisPoints")));
        assertEquals(Map.of(MAIN_CONTRACTOR, 7_000L, SUBCONTRACTOR, 3_000L), shares);
    }

    @Test
    void oneContractPerProviderCoversEveryParticipatingMunicipality() {
        assertEquals(5, loaded.contractIds().size(), "two in category A (one of three bidders lost), three in B");
        for (String id : loaded.contractIds()) {
            Map<String, Object> terms = map(p.contracting.get("/api/v1/contracts/" + id, procurement).json().get("terms"));
            assertEquals(AmsterdamScenario.MUNICIPALITIES, terms.get("municipalities"));
        }
        assertEquals(loaded.amsterdamTrajectory().get("contractId"), loaded.amstelveenTrajectory().get("contractId"),
                "Amsterdam's and Amstelveen's residents are allocated under the same contract");
        assertEquals(0, ScenarioPlatform.content(p.contracting.get("/api/v1/contracts?providerAgb="
                + AmsterdamScenario.GENERIC_LOST, procurement)).size());
    }

    @Test
    void theTermIsTwoYearsWithTwoOptionsOfOneYearAndNoMore() {
        Map<String, Object> contract = contract(AmsterdamScenario.GENERIC_2);
        String id = String.valueOf(contract.get("id"));
        Map<String, Object> terms = map(contract.get("terms"));
        LocalDate start = LocalDate.parse(String.valueOf(terms.get("validFrom")));
        assertEquals(start.plusYears(2).minusDays(1).toString(), terms.get("validTo"));
        assertEquals(start.plusYears(4).minusDays(1).toString(), terms.get("maxValidTo"));
        assertEquals(List.of(1, 1), contract.get("remainingExtensionOptions"));

        for (int years = 3; years <= 4; years++) {
            Api.Response extended = p.post(p.contracting, "/api/v1/contracts/" + id + "/extension", procurement, Map.of());
            assertEquals(200, extended.status(), extended.toString());
            assertEquals(start.plusYears(years).minusDays(1).toString(), map(extended.json().get("terms")).get("validTo"));
        }
        Api.Response fifth = p.post(p.contracting, "/api/v1/contracts/" + id + "/extension", procurement, Map.of());
        assertEquals(422, fifth.status(), fifth.toString());
        assertTrue(fifth.body().contains("no-extension-option-left"), fifth.body());
    }

    private Map<String, Object> contract(String agb) {
        Api.Response contracts = p.contracting.get("/api/v1/contracts?providerAgb=" + agb, procurement);
        assertEquals(200, contracts.status(), contracts.toString());
        List<Map<String, Object>> held = ScenarioPlatform.content(contracts);
        assertEquals(1, held.size(), agb + " holds " + held);
        return held.get(0);
    }

    private String referral(String bsn, String profile, int intensity) {
        String officer = p.tokens.accessOfficer(AMSTERDAM);
        String client = ScenarioPlatform.id(ScenarioPlatform.expect(201, p.post(p.access, "/api/v1/clients", officer,
                Map.of("bsn", bsn, "name", "Milan Visser", "birthDate", "2011-10-10", "municipalityCode", AMSTERDAM)),
                "client"));
        String referral = ScenarioPlatform.id(ScenarioPlatform.expect(201, p.post(p.access, "/api/v1/referrals", officer,
                Map.of("clientId", client, "referrerType", "02", "referrerName", "Huisartsenpraktijk De Pijp",
                        "referralDate", p.careFrom().minusDays(5).toString(), "question", "Trauma", "crisis", false)),
                "referral"));
        ScenarioPlatform.expect(200, p.put(p.access, "/api/v1/referrals/" + referral + "/triage", officer, Map.of(
                "segment", CATEGORY_B, "profile", profile, "intensity", intensity, "outcome", "SPECIALIST_CARE")), "triage");
        return referral;
    }
}
