package nl.regioinkoop.e2e.scenario;

import nl.regioinkoop.local.scenario.ScenarioPlatform;
import nl.regioinkoop.local.scenario.TestBsns;
import nl.regioinkoop.local.scenario.ZeelandScenario;
import nl.regioinkoop.testkit.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.Map;

import static nl.regioinkoop.e2e.scenario.ScenarioTests.budgetLine;
import static nl.regioinkoop.e2e.scenario.ScenarioTests.cents;
import static nl.regioinkoop.e2e.scenario.ScenarioTests.map;
import static nl.regioinkoop.local.scenario.ZeelandScenario.AMBULANT;
import static nl.regioinkoop.local.scenario.ZeelandScenario.AMBULANT_PRODUCT;
import static nl.regioinkoop.local.scenario.ZeelandScenario.GOES;
import static nl.regioinkoop.local.scenario.ZeelandScenario.HOUR_TARIFF;
import static nl.regioinkoop.local.scenario.ZeelandScenario.MIDDELBURG;
import static nl.regioinkoop.local.scenario.ZeelandScenario.VLISSINGEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zeeland: every provider meeting the one minimal requirement is contracted, also during the term, on P×Q; each
 * municipality pays for its own residents from its own budget, and its access team acts for its residents only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZeelandScenarioIT {
    ScenarioPlatform p;
    ZeelandScenario.Loaded loaded;
    int year;

    @BeforeAll
    void load() {
        p = ScenarioTests.platform();
        loaded = new ZeelandScenario().load(p);
        year = p.careFrom().getYear();
    }

    @Test
    void anAllocationForAGoesResidentIsChargedToGoesOnly() {
        Map<String, Long> before = committed();
        LocalDate from = p.careFrom();
        LocalDate to = from.plusWeeks(8).minusDays(1);
        String referral = referral(TestBsns.block(350, 1).get(0), GOES);

        Api.Response allocation = allocate(GOES, referral, from, to);

        assertEquals(201, allocation.status(), allocation.toString());
        long eightWeeksOfTwoHours = 8 * 2 * HOUR_TARIFF;
        assertEquals("PXQ", allocation.json().get("fundingModel"));
        assertEquals(eightWeeksOfTwoHours, cents(allocation.json(), "committedCents"));
        Map<String, Long> after = committed();
        assertEquals(before.get(GOES) + eightWeeksOfTwoHours, after.get(GOES));
        assertEquals(before.get(MIDDELBURG), after.get(MIDDELBURG), "Middelburg pays nothing for a Goes resident");
        assertEquals(before.get(VLISSINGEN), after.get(VLISSINGEN));
        // the loaded residents too: each allocation sits on its own municipality's line
        for (Map.Entry<String, Map<String, Object>> loadedOne : loaded.allocationByMunicipality().entrySet()) {
            assertEquals(loadedOne.getKey(), loadedOne.getValue().get("municipalityCode"));
            assertEquals(AMBULANT, loadedOne.getValue().get("budgetLine"));
            assertEquals(budgetLine(p, loadedOne.getKey(), year, AMBULANT).get("id"),
                    loadedOne.getValue().get("budgetLineId"));
        }
    }

    @Test
    void anOfficerOfOneMunicipalityCannotAllocateForAnothersResident() {
        Map<String, Long> before = committed();
        String referral = referral(TestBsns.block(351, 1).get(0), GOES);

        Api.Response refused = p.post(p.access, "/api/v1/allocations", p.tokens.accessOfficer(MIDDELBURG), Map.of(
                "referralId", referral, "providerAgb", ZeelandScenario.AMBULANT_PROVIDERS.get(0),
                "productCode", AMBULANT_PRODUCT, "volume", 2, "unit", "04", "frequency", "2",
                "validFrom", p.careFrom().toString(), "validTo", p.careFrom().plusWeeks(4).toString(),
                "chosenByFamily", false));

        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.contentType());
        assertEquals(before, committed(), "a refused allocation moves no budget");
        assertEquals(403, p.access.get("/api/v1/referrals/" + referral, p.tokens.accessOfficer(MIDDELBURG)).status());
        assertEquals(0, ScenarioPlatform.content(p.access.get("/api/v1/allocations?size=100",
                p.tokens.accessOfficer(MIDDELBURG))).stream().filter(a -> referral.equals(a.get("referralId"))).count());
    }

    @Test
    void everyProviderMeetingTheMinimalRequirementIsContractedAlsoDuringTheTerm() {
        String procurement = p.tokens.procurementOfficer(ZeelandScenario.REGION);
        assertEquals(3, loaded.contractIds().size(), "the first round: every bidder with the quality register");
        assertEquals(0, ScenarioPlatform.content(p.contracting.get("/api/v1/contracts?providerAgb="
                + ZeelandScenario.FAILED_FIRST_ROUND, procurement)).size(), "the bidder without it got none");
        Map<String, Object> firstRound = p.contracting.get("/api/v1/contracts/" + loaded.contractIds().get(0),
                procurement).json();
        String lot = loaded.lotIdBySegment().get(AMBULANT);
        register("45000005", "Jeugdhulp Zeeuws-Vlaanderen");
        register("45000006", "Coaching Zonder Registratie");

        Api.Response refused = ZeelandScenario.admit(p, loaded.tenderId(), lot, "45000006", false);
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.isProblem() && refused.body().contains("selection-not-met")
                && refused.body().contains(ZeelandScenario.CRITERION), refused.body());
        assertEquals(0, ScenarioPlatform.content(p.contracting.get("/api/v1/contracts?providerAgb=45000006",
                procurement)).size());

        Api.Response admitted = ZeelandScenario.admit(p, loaded.tenderId(), lot, "45000005", true);
        assertEquals(201, admitted.status(), admitted.toString());
        Map<String, Object> terms = map(map(admitted.json().get("contract")).get("terms"));
        assertEquals("OPEN_HOUSE", terms.get("contractForm"));
        assertEquals(p.today.toString(), terms.get("validFrom"), "entry during the term");
        assertEquals(map(firstRound.get("terms")).get("validTo"), terms.get("validTo"));
        assertEquals(ZeelandScenario.MUNICIPALITIES, terms.get("municipalities"));
        assertEquals("PXQ", ScenarioTests.list(terms.get("products")).get(0).get("fundingModel"));
        // the new provider can be allocated a Goes resident's care from today
        String referral = referral(TestBsns.block(352, 1).get(0), GOES);
        Api.Response allocation = ScenarioPlatform.eventually(201, () -> p.post(p.access, "/api/v1/allocations",
                p.tokens.accessOfficer(GOES), Map.of("referralId", referral, "providerAgb", "45000005",
                        "productCode", AMBULANT_PRODUCT, "volume", 1, "unit", "04", "frequency", "2",
                        "validFrom", p.today.toString(), "validTo", p.today.plusWeeks(4).minusDays(1).toString(),
                        "chosenByFamily", true)), "allocating to the admitted provider");
        assertEquals(4 * HOUR_TARIFF, cents(allocation.json(), "committedCents"));
    }

    private void register(String agb, String name) {
        ScenarioPlatform.expect(201, p.post(p.provider, "/api/v1/providers",
                p.tokens.procurementOfficer(ZeelandScenario.REGION), Map.of("agbCode", agb, "kvkNumber", "7" + agb.substring(1),
                        "name", name, "kind", "YOUTH_CARE")), "registering " + agb);
    }

    private Map<String, Long> committed() {
        return Map.of(MIDDELBURG, cents(budgetLine(p, MIDDELBURG, year, AMBULANT), "committedCents"),
                VLISSINGEN, cents(budgetLine(p, VLISSINGEN, year, AMBULANT), "committedCents"),
                GOES, cents(budgetLine(p, GOES, year, AMBULANT), "committedCents"));
    }

    private Api.Response allocate(String municipality, String referral, LocalDate from, LocalDate to) {
        return p.post(p.access, "/api/v1/allocations", p.tokens.accessOfficer(municipality), Map.of(
                "referralId", referral, "providerAgb", ZeelandScenario.AMBULANT_PROVIDERS.get(1),
                "productCode", AMBULANT_PRODUCT, "volume", 2, "unit", "04", "frequency", "2",
                "validFrom", from.toString(), "validTo", to.toString(), "chosenByFamily", false));
    }

    private String referral(String bsn, String municipality) {
        String officer = p.tokens.accessOfficer(municipality);
        String client = ScenarioPlatform.id(ScenarioPlatform.expect(201, p.post(p.access, "/api/v1/clients", officer,
                Map.of("bsn", bsn, "name", "Ruben Kodde", "birthDate", "2012-12-12", "municipalityCode", municipality)),
                "client"));
        String referral = ScenarioPlatform.id(ScenarioPlatform.expect(201, p.post(p.access, "/api/v1/referrals", officer,
                Map.of("clientId", client, "referrerType", "02", "referrerName", "Huisartsenpraktijk Goes-Oost",
                        "referralDate", p.careFrom().minusDays(1).toString(), "question", "Concentratieproblemen",
                        "crisis", false)), "referral"));
        ScenarioPlatform.expect(200, p.put(p.access, "/api/v1/referrals/" + referral + "/triage", officer, Map.of(
                "segment", AMBULANT, "profile", "P1", "intensity", 1, "outcome", "SPECIALIST_CARE")), "triage");
        return referral;
    }
}
