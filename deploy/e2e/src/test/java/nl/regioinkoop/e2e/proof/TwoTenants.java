package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.e2e.RunningPlatform;
import nl.regioinkoop.e2e.proof.World.Product;
import nl.regioinkoop.testkit.Api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real data of two tenants on the shared platform, made once per test JVM: Weert with its provider and
 * Nederweert with another, each with a local contract, a budget line, a resident with a family plan, a referral,
 * a provider's request for allocation, an allocation whose care started, and an accepted declaration; and a
 * tender of the region. Proofs aim their hostile and cross-tenant calls at these, so a refusal is a refusal of
 * something that exists.
 */
final class TwoTenants {
    static final String OTHER_REGION = "HVB";
    static final LocalDate CARE_FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate CARE_TO = LocalDate.of(2026, 8, 31);
    static final long ALLOCATED_HOURS = 40;
    static final long DECLARED_HOURS = 5;

    /** One tenant's data: every id a path can name. */
    record Side(String label, String municipality, String agb, Product product, String contractId,
                String budgetLineId, World.Client client, String pseudonym, String familyPlanId, String goalId,
                String referralId, String requestId, String allocationId, String declarationLineId) {
        /** Values that only this tenant (and whom it allocated to) may see. */
        Map<String, String> privateMarkers() {
            return Map.of("bsn", client.bsn(), "client name", client.name(), "client id", client.id(),
                    "pseudonym", pseudonym, "family plan id", familyPlanId, "goal id", goalId,
                    "referral id", referralId, "request id", requestId, "allocation id", allocationId,
                    "declaration line id", declarationLineId);
        }
    }

    private static TwoTenants instance;

    final Side weert;
    final Side nederweert;
    final String tenderId;
    final String lotId;
    final String strategyId;

    private TwoTenants(Side weert, Side nederweert, String strategyId, String tenderId, String lotId) {
        this.weert = weert;
        this.nederweert = nederweert;
        this.strategyId = strategyId;
        this.tenderId = tenderId;
        this.lotId = lotId;
    }

    /** The pair shared by the proofs that only read or are refused: made once per test JVM. */
    static synchronized TwoTenants on(RunningPlatform platform) {
        if (instance == null) {
            instance = fresh(platform);
        }
        return instance;
    }

    /** A pair of its own, for a proof whose permitted calls may change or end what they touch. */
    static TwoTenants fresh(RunningPlatform platform) {
        World world = World.of(platform);
        Side weert = side(world, "Weert", World.WEERT);
        Side nederweert = side(world, "Nederweert", World.NEDERWEERT);
        String[] tender = tender(world);
        return new TwoTenants(weert, nederweert, tender[0], tender[1], tender[2]);
    }

    Side other(Side side) {
        return side == weert ? nederweert : weert;
    }

    List<Side> sides() {
        return List.of(weert, nederweert);
    }

    private static Side side(World world, String label, String municipality) {
        String agb = World.newAgb();
        // a Wmo line: the demo region's youth lines of 2026 are sized for its own journeys
        Product product = new Product("02", "02" + World.newProductCode().substring(2), "WMO_SINGLE_PROBLEM",
                "04", 5_400);
        world.registerProvider(agb, "Proef " + label + " Zorg");
        String contractId = world.signLocalContract(municipality, agb, product, LocalDate.of(2026, 1, 1), 2);
        String officer = world.tokens.accessOfficer(municipality);
        String budgetLineId = world.setBudget(municipality, 2026, product.segment(), 50_000_000L);
        if (budgetLineId == null) { // set by an earlier proof in this JVM run: find it
            budgetLineId = Json.content(world.access.get("/api/v1/budgets?year=2026&size=100", officer).json())
                    .stream().filter(l -> product.segment().equals(l.get("line"))).map(l -> Json.text(l, "id"))
                    .findFirst().orElseThrow();
        }
        World.Client client = world.registerClient(municipality, "Proef Inwoner " + label + " "
                + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Object> clientView = world.access.get("/api/v1/clients/" + client.id(), officer).json();
        Api.Response plan = world.access.post("/api/v1/family-plans", officer, Json.write(Json.object(
                "household", "Huishouden " + label, "clientIds", List.of(client.id()),
                "goals", List.of(Json.object("domain", "WMO", "description", "Zelfstandig boodschappen doen")))));
        assertEquals(201, plan.status(), plan.toString());
        @SuppressWarnings("unchecked") Map<String, Object> goal =
                ((List<Map<String, Object>>) plan.json().get("goals")).get(0);
        String referralId = world.refer(client, "01");
        world.triageForSpecialistCare(municipality, referralId, product.segment());
        Api.Response request = world.access.post("/api/v1/referrals", officer, Json.write(Json.object(
                "clientId", client.id(), "referrerType", "02", "referrerName", "Huisarts Jansen",
                "referralDate", "2026-02-02", "question", "Verzoek om toewijzing", "crisis", false,
                "requestingProviderAgb", agb)));
        assertEquals(201, request.status(), request.toString());
        world.awaitEligible(municipality, referralId, agb, product, CARE_FROM, CARE_TO);
        Api.Response allocation = world.allocate(municipality, referralId, agb, product, ALLOCATED_HOURS, "6",
                CARE_FROM, CARE_TO);
        assertEquals(201, allocation.status(), allocation.toString());
        String allocationId = Json.text(allocation.json(), "id");
        world.awaitAllocationAtProvider(agb, allocationId);
        String providerToken = world.tokens.provider(agb);
        Api.Response started = world.provider.post("/api/v1/allocations/" + allocationId + "/start", providerToken,
                Json.write(Json.object("startDate", CARE_FROM.toString())));
        assertEquals(200, started.status(), started.toString());
        Api.Response declared = world.declare(agb, allocationId, product, CARE_FROM, CARE_FROM.withDayOfMonth(31),
                DECLARED_HOURS, null);
        assertEquals("ACCEPTED", Json.text(declared.json(), "status"), declared.toString());
        return new Side(label, municipality, agb, product, contractId, budgetLineId, client,
                Json.text(clientView, "pseudonym"), Json.text(plan.json(), "id"), Json.text(goal, "id"), referralId,
                Json.text(request.json(), "id"), allocationId, Json.text(declared.json(), "declarationLineId"));
    }

    /** A tender of the region in preparation: region roles of another region must not see it. */
    private static String[] tender(World world) {
        Api.Response strategy = world.contracting.post("/api/v1/strategies", world.procurement, Json.write(Json.object(
                "round", "proof-" + UUID.randomUUID().toString().substring(0, 8), "segment", "WMO_ELDERLY",
                "supplyRisk", "LOW", "financialImpact", "LOW", "fundingModel", "PXQ", "contractForm", "SELECTIVE",
                "targetProviders", 2, "goals", List.of("de juiste zorg de eerste keer"))));
        assertEquals(201, strategy.status(), strategy.toString());
        String strategyId = Json.text(strategy.json(), "id");
        Api.Response tender = world.contracting.post("/api/v1/tenders", world.procurement, Json.write(Json.object(
                "strategyId", strategyId, "title", "Proef ouderenondersteuning", "description", "Proef",
                "lots", List.of(Json.object("name", "Ouderen", "segment", "WMO_ELDERLY", "products", List.of(
                        Json.object("productCategory", "02", "productCode", "02E01", "segment", "WMO_ELDERLY",
                                "fundingModel", "PXQ", "unit", "04",
                                "tariffs", List.of(Json.object("amountCents", 5_100)))))),
                "terms", Json.object("municipalities", World.MUNICIPALITIES, "validFrom", "2027-07-01",
                        "initialYears", 2, "extensionOptions", List.of(1), "noticeMonths", 6,
                        "annualCeilingCents", 50_000_000L, "acceptanceDutyDays", 180),
                "submissionDeadline", "2027-03-01",
                "selectionCriteria", List.of(Json.object("code", "KWALITEIT", "description", "Kwaliteitsregister")),
                "awardCriteria", List.of(Json.object("code", "QUALITY", "description", "Plan", "weight", 70),
                        Json.object("code", "PRICE", "description", "Tarief", "weight", 30)))));
        assertEquals(201, tender.status(), tender.toString());
        @SuppressWarnings("unchecked") Map<String, Object> lot =
                ((List<Map<String, Object>>) tender.json().get("lots")).get(0);
        return new String[]{strategyId, Json.text(tender.json(), "id"), Json.text(lot, "lotId")};
    }
}
