package nl.regioinkoop.e2e.scenario;

import nl.regioinkoop.local.scenario.HartVanBrabantScenario;
import nl.regioinkoop.local.scenario.HartVanBrabantScenario.Area;
import nl.regioinkoop.local.scenario.ScenarioPlatform;
import nl.regioinkoop.local.scenario.TestBsns;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.regioinkoop.e2e.scenario.ScenarioTests.budgetLine;
import static nl.regioinkoop.e2e.scenario.ScenarioTests.cents;
import static nl.regioinkoop.e2e.scenario.ScenarioTests.list;
import static nl.regioinkoop.e2e.scenario.ScenarioTests.map;
import static nl.regioinkoop.local.scenario.HartVanBrabantScenario.TILBURG;
import static nl.regioinkoop.local.scenario.HartVanBrabantScenario.WMO_PRODUCT;
import static nl.regioinkoop.local.scenario.HartVanBrabantScenario.WMO_SEGMENT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hart van Brabant 2022: Wmo support is a lump sum per area per year, one holder per area, and no money moves per
 * client; youth specialist care is one partnership's task.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HartVanBrabantScenarioIT {
    ScenarioPlatform p;
    HartVanBrabantScenario.Loaded loaded;
    String procurement;

    @BeforeAll
    void load() {
        p = ScenarioTests.platform();
        loaded = new HartVanBrabantScenario().load(p);
        procurement = p.tokens.procurementOfficer(HartVanBrabantScenario.REGION);
    }

    @Test
    void twelveAreasAreEachHeldByExactlyOneProviderOrConsortiumOnALumpSumPerYear() {
        Api.Response contracts = p.contracting.get("/api/v1/contracts?tenderId=" + loaded.wmoTenderId() + "&size=50",
                procurement);
        assertEquals(200, contracts.status(), contracts.toString());
        List<Map<String, Object>> all = ScenarioPlatform.content(contracts);
        assertEquals(12, all.size(), "one contract per area lot");
        Set<String> areas = new HashSet<>();
        for (Map<String, Object> contract : all) {
            Map<String, Object> terms = map(contract.get("terms"));
            List<Map<String, Object>> products = list(terms.get("products"));
            assertEquals(1, products.size());
            assertEquals("LUMP_SUM", products.get(0).get("fundingModel"));
            assertEquals("02", products.get(0).get("productCategory"), "WMO020 02: support");
            List<Map<String, Object>> tariffs = list(products.get(0).get("tariffs"));
            assertEquals(1, tariffs.size(), "one amount a year for the contract's own area");
            Area area = HartVanBrabantScenario.area(String.valueOf(tariffs.get(0).get("area")));
            assertTrue(areas.add(area.name()), "a second holder for " + area.name());
            assertEquals(area.lumpSumCents(), cents(tariffs.get(0), "amountCents"));
            assertEquals(area.holderAgb(), terms.get("providerAgb"), "the one holder of " + area.name());
            assertEquals(HartVanBrabantScenario.MUNICIPALITIES, terms.get("municipalities"));
        }
        assertEquals(12, areas.size());
        Api.Response loser = p.contracting.get("/api/v1/contracts?providerAgb=" + HartVanBrabantScenario.LOSING_BIDDER,
                procurement);
        assertEquals(0, ScenarioPlatform.content(loser).size(), "the second bidder for Tilburg Noord holds nothing");
        Map<String, Object> consortiumArea = all.stream().map(c -> map(c.get("terms")))
                .filter(t -> "42000011".equals(t.get("providerAgb"))).findFirst().orElseThrow();
        assertEquals(Set.of("42000011", HartVanBrabantScenario.AREA_CONSORTIUM_MEMBER), agbs(consortiumArea),
                "Oisterwijk en Hilvarenbeek is held by one consortium");
    }

    @Test
    void anAllocationUnderTheLumpSumCommitsNothingAndLeavesTheBudgetUntouched() {
        int year = p.careFrom().getYear();
        Map<String, Object> before = budgetLine(p, TILBURG, year, WMO_SEGMENT);
        for (Map<String, Object> loadedAllocation : loaded.wmoAllocations()) {
            assertEquals("LUMP_SUM", loadedAllocation.get("fundingModel"));
            assertEquals(0, cents(loadedAllocation, "committedCents"), loadedAllocation.toString());
        }

        String referral = new TestSteps(p).wmoReferral(TestBsns.block(50, 1).get(0));
        Area oost = HartVanBrabantScenario.area("Tilburg Oost");
        Api.Response issued = p.post(p.access, "/api/v1/allocations", p.tokens.accessOfficer(TILBURG), Map.of(
                "referralId", referral, "providerAgb", oost.holderAgb(), "productCode", WMO_PRODUCT, "volume", 4,
                "unit", "04", "frequency", "2", "validFrom", p.careFrom().toString(),
                "validTo", p.careFrom().plusMonths(6).toString(), "chosenByFamily", false));

        assertEquals(201, issued.status(), issued.toString());
        assertEquals(0, cents(issued.json(), "expectedCostCents"));
        assertEquals(0, cents(issued.json(), "committedCents"));
        Map<String, Object> after = budgetLine(p, TILBURG, year, WMO_SEGMENT);
        assertEquals(cents(before, "committedCents"), cents(after, "committedCents"));
        assertEquals(cents(before, "realisedCents"), cents(after, "realisedCents"));
        assertEquals(0, cents(after, "committedCents"), "no Wmo support allocation in Tilburg holds money");
    }

    @Test
    void aDeclarationPerClientOnLumpSumCareIsRejectedAndMovesNoMoney() {
        Map<String, Object> allocation = loaded.wmoAllocations().get(0);
        String id = String.valueOf(allocation.get("id"));
        String holder = String.valueOf(allocation.get("providerAgb"));
        Area area = HartVanBrabantScenario.AREAS.stream().filter(a -> a.holderAgb().equals(holder)).findFirst().orElseThrow();
        YearMonth month = YearMonth.from(p.careFrom());
        // the provider tries to get the area's whole yearly sum for one client, then hours at a price
        String token = p.tokens.provider(holder);
        Api.Response lumpSum = ScenarioPlatform.eventually(200, () -> p.post(p.provider, "/api/v1/declarations", token,
                declaration(id, month, 1, "83", area.lumpSumCents())), "declaring on the lump sum");
        Api.Response hours = p.post(p.provider, "/api/v1/declarations", token, declaration(id, month, 12, "04", 6_500));

        for (Api.Response answer : List.of(lumpSum, hours)) {
            assertEquals(200, answer.status(), answer.toString());
            assertEquals("REJECTED", answer.json().get("status"), answer.body());
            assertEquals("D11", answer.json().get("reasonCode"), "provider-service README: LUMP_SUM is not declared per client");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                "provider.reports.v1").stream().filter(m -> m.key().equals(id))
                .filter(m -> "DeclarationRejected".equals(m.type())).count() >= 2);
        assertTrue(TopicReader.readAll(Infra.kafkaBootstrapServers(), "provider.reports.v1").stream()
                .noneMatch(m -> m.key().equals(id) && "DeclarationAccepted".equals(m.type())));
        assertEquals(0, cents(budgetLine(p, TILBURG, p.careFrom().getYear(), WMO_SEGMENT), "realisedCents"));
    }

    @Test
    void theYouthPartnershipContractListsItsLeadAndMembersAndAMemberDeliversUnderIt() {
        Api.Response contract = p.contracting.get("/api/v1/contracts/" + loaded.youthContractId(), procurement);
        assertEquals(200, contract.status(), contract.toString());
        Map<String, Object> terms = map(contract.json().get("terms"));
        assertEquals("PARTNERSHIP", terms.get("contractForm"));
        assertEquals(HartVanBrabantScenario.YOUTH_LEAD, terms.get("providerAgb"));
        Map<String, String> roles = new java.util.HashMap<>();
        Map<String, Long> shares = new java.util.HashMap<>();
        for (Map<String, Object> member : list(terms.get("members"))) {
            roles.put(String.valueOf(member.get("agbCode")), String.valueOf(member.get("role")));
            shares.put(String.valueOf(member.get("agbCode")), cents(member, "shareBasisPoints"));
        }
        assertEquals(Map.of(HartVanBrabantScenario.YOUTH_LEAD, "LEAD", "42000022", "MEMBER", "42000023", "MEMBER"), roles);
        assertEquals(Map.of(HartVanBrabantScenario.YOUTH_LEAD, 7_000L, "42000022", 2_000L, "42000023", 1_000L), shares);
        assertEquals("LUMP_SUM", list(terms.get("products")).get(0).get("fundingModel"));
        assertEquals(LocalDate.parse(String.valueOf(terms.get("validFrom"))).plusYears(4).minusDays(1).toString(),
                terms.get("maxValidTo"), "4 years, no extension");

        Map<String, Object> byMember = loaded.youthAllocations().get(1);
        assertEquals("42000022", byMember.get("providerAgb"));
        assertEquals(loaded.youthContractId(), String.valueOf(byMember.get("contractId")));
        assertEquals(0, cents(byMember, "committedCents"));
        Api.Response asMember = p.contracting.get("/api/v1/contracts?providerAgb=42000023", p.tokens.provider("42000023"));
        assertEquals(1, ScenarioPlatform.content(asMember).size(), "each member sees the partnership's contract");
    }

    private static Set<String> agbs(Map<String, Object> terms) {
        Set<String> agbs = new HashSet<>();
        list(terms.get("members")).forEach(m -> agbs.add(String.valueOf(m.get("agbCode"))));
        agbs.add(String.valueOf(terms.get("providerAgb")));
        return agbs;
    }

    private static Map<String, Object> declaration(String allocationId, YearMonth month, long volume, String unit,
                                                   long tariff) {
        return Map.of("allocationId", allocationId, "periodStart", month.atDay(1).toString(),
                "periodEnd", month.atEndOfMonth().toString(), "productCode", WMO_PRODUCT, "volume", volume,
                "unit", unit, "tariffCents", tariff, "amountCents", volume * tariff);
    }

    /** A new Tilburg resident referred by the area team for support. */
    private record TestSteps(ScenarioPlatform p) {
        String wmoReferral(String bsn) {
            String officer = p.tokens.accessOfficer(TILBURG);
            String client = ScenarioPlatform.id(ScenarioPlatform.expect(201, p.post(p.access, "/api/v1/clients", officer,
                    Map.of("bsn", bsn, "name", "Kees Hendriks", "birthDate", "1952-01-23", "municipalityCode", TILBURG)),
                    "client"));
            String referral = ScenarioPlatform.id(ScenarioPlatform.expect(201, p.post(p.access, "/api/v1/referrals",
                    officer, Map.of("clientId", client, "referrerType", "01", "referrerName", "Wijkteam Tilburg Oost",
                            "referralDate", p.careFrom().minusDays(3).toString(), "question", "Eenzaam, schulden",
                            "crisis", false)), "referral"));
            ScenarioPlatform.expect(200, p.put(p.access, "/api/v1/referrals/" + referral + "/triage", officer, Map.of(
                    "segment", WMO_SEGMENT, "profile", "MULTIPLE_PROBLEMS", "intensity", 2, "outcome", "SPECIALIST_CARE")),
                    "triage");
            return referral;
        }
    }
}
