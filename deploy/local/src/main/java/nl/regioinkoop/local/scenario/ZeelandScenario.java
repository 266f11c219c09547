package nl.regioinkoop.local.scenario;

import nl.regioinkoop.local.scenario.Steps.Bid;
import nl.regioinkoop.local.scenario.Steps.Resident;
import nl.regioinkoop.testkit.Api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zeeland: an open contract for every provider meeting one minimal (knock-out) requirement, P×Q, entry at any
 * moment of the term; each municipality keeps its own budget and its own access team, and pays for its own
 * residents only. Little regional provider management: no award criteria, no tiers.
 */
public final class ZeelandScenario {
    public static final String NAME = "zeeland";
    public static final String REGION = "ZLD";
    public static final String MIDDELBURG = "0687";
    public static final String VLISSINGEN = "0718";
    public static final String GOES = "0664";
    public static final List<String> MUNICIPALITIES = List.of(MIDDELBURG, VLISSINGEN, GOES);
    public static final String CRITERION = "KWALITEITSREGISTER";
    public static final String AMBULANT = "AMBULANT";
    public static final String HOUSING = "HOUSING";
    public static final String AMBULANT_PRODUCT = "45Z01";
    public static final String HOUSING_PRODUCT = "44Z02";
    public static final long HOUR_TARIFF = 7_650;
    public static final long DAY_TARIFF = 12_400;
    public static final List<String> AMBULANT_PROVIDERS = List.of("45000001", "45000002");
    public static final String HOUSING_PROVIDER = "45000003";
    /** Bid in the first round without the quality register: no contract. */
    public static final String FAILED_FIRST_ROUND = "45000004";
    public static final Map<String, Long> AMBULANT_BUDGETS = Map.of(MIDDELBURG, 42_000_000L, VLISSINGEN,
            38_000_000L, GOES, 35_000_000L);

    public record Loaded(String tenderId, Map<String, String> lotIdBySegment, List<String> contractIds,
                         Map<String, Map<String, Object>> allocationByMunicipality) {
        public String summary() {
            return "open house P×Q: " + contractIds.size() + " contracts, budgets and access in "
                    + MUNICIPALITIES.size() + " municipalities, " + allocationByMunicipality.size() + " allocations";
        }
    }

    public Loaded load(ScenarioPlatform p) {
        Steps steps = new Steps(p, REGION);
        steps.registerProvider(AMBULANT_PROVIDERS.get(0), "Jeugdhulp Walcheren", "YOUTH_CARE");
        steps.registerProvider(AMBULANT_PROVIDERS.get(1), "Praktijk Oosterschelde", "YOUTH_MENTAL_HEALTH");
        steps.registerProvider(HOUSING_PROVIDER, "Gezinshuis De Zeeuwse Stromen", "YOUTH_CARE");
        steps.registerProvider(FAILED_FIRST_ROUND, "Zorgbureau Zonder Register", "YOUTH_CARE");

        String round = "ZLD open house";
        String strategy = steps.strategy(round, AMBULANT, "LOW", "HIGH", "PXQ", "OPEN_HOUSE", null,
                List.of("every provider meeting the minimal requirements may deliver"));
        steps.strategy(round, HOUSING, "LOW", "LOW", "PXQ", "OPEN_HOUSE", null, List.of("place quickly"));
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("strategyId", strategy);
        tender.put("title", "Open house jeugdhulp Zeeland");
        tender.put("description", "P×Q at fixed tariffs; admission open during the whole term");
        tender.put("lots", List.of(
                Map.of("name", "Ambulant", "segment", AMBULANT, "products", List.of(Map.of("productCategory", "45",
                        "productCode", AMBULANT_PRODUCT, "segment", AMBULANT, "fundingModel", "PXQ", "unit", "04",
                        "tariffs", List.of(Map.of("amountCents", HOUR_TARIFF))))),
                Map.of("name", "Wonen", "segment", HOUSING, "products", List.of(Map.of("productCategory", "44",
                        "productCode", HOUSING_PRODUCT, "segment", HOUSING, "fundingModel", "PXQ", "unit", "14",
                        "tariffs", List.of(Map.of("amountCents", DAY_TARIFF)))))));
        tender.put("terms", steps.terms(MUNICIPALITIES, 3, List.of(1, 1), null));
        tender.put("selectionCriteria", List.of(Map.of("code", CRITERION, "description",
                "Registered in the quality register youth care")));
        tender.put("awardCriteria", List.of());
        Steps.Procedure procedure = steps.recordedTender(tender, List.of(
                Bid.alone(0, AMBULANT_PROVIDERS.get(0), 0), Bid.alone(0, AMBULANT_PROVIDERS.get(1), 0),
                Bid.alone(1, HOUSING_PROVIDER, 0), new Bid(0, FAILED_FIRST_ROUND, null, null, false, 0)));

        int year = p.careFrom().getYear();
        for (String municipality : MUNICIPALITIES) {
            steps.budget(municipality, year, AMBULANT, AMBULANT_BUDGETS.get(municipality));
            steps.budget(municipality, year, HOUSING, 60_000_000L);
        }
        List<String> bsns = TestBsns.block(300, MUNICIPALITIES.size());
        String[] names = {"Anouk Minderhoud", "Jesse de Kam", "Sophie Verburg"};
        LocalDate from = p.careFrom();
        Map<String, Map<String, Object>> allocations = new LinkedHashMap<>();
        for (int i = 0; i < MUNICIPALITIES.size(); i++) {
            String municipality = MUNICIPALITIES.get(i);
            String referral = steps.triagedReferral(new Resident(bsns.get(i), names[i], LocalDate.of(2010 + i, 7, 9),
                    municipality, "02", "Huisartsenpraktijk Zeeland", "Somberheid"), AMBULANT, "P2", 2);
            allocations.put(municipality, steps.allocate(municipality, referral, AMBULANT_PROVIDERS.get(i % 2),
                    AMBULANT_PRODUCT, 2, "04", "2", from, from.plusWeeks(10).minusDays(1), false));
        }
        Map<String, String> lotIds = Map.of(AMBULANT, procedure.lotIds().get(0), HOUSING, procedure.lotIds().get(1));
        return new Loaded(procedure.tenderId(), lotIds, procedure.contractIds(), allocations);
    }

    /** A provider asks to be admitted; the answer as the service gave it. */
    public static Api.Response admit(ScenarioPlatform p, String tenderId, String lotId, String agb, boolean registered) {
        return p.post(p.contracting, "/api/v1/open-house/" + tenderId + "/admissions", p.tokens.provider(agb), Map.of(
                "lotId", lotId, "leadAgb", agb, "selectionAnswers", List.of(Map.of("criterion", CRITERION,
                        "passed", registered, "evidenceReference", "KR-" + agb))));
    }
}
