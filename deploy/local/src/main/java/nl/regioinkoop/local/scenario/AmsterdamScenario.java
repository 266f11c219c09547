package nl.regioinkoop.local.scenario;

import nl.regioinkoop.local.scenario.Steps.Bid;
import nl.regioinkoop.local.scenario.Steps.Resident;
import nl.regioinkoop.testkit.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amsterdam: category A (generic care, P×Q per hour) and category B (specialist care, OUTPUT: a fixed price per
 * trajectory per client profile × intensity, 10 % of it paid on result); a main contractor delivers at least 70 %
 * of the care; one contract per provider for all participating municipalities; 2 + 1 + 1 years.
 */
public final class AmsterdamScenario {
    public static final String NAME = "amsterdam";
    public static final String REGION = "AMS";
    public static final String AMSTERDAM = "0363";
    public static final String AMSTELVEEN = "0362";
    /** Amsterdam, Amstelveen, Aalsmeer, Diemen, Ouder-Amstel, Uithoorn (Amstelland; the field's contract has 14). */
    public static final List<String> MUNICIPALITIES = List.of(AMSTERDAM, AMSTELVEEN, "0358", "0384", "0437", "0451");
    public static final String CATEGORY_A = "CATEGORY_A";
    public static final String CATEGORY_B = "CATEGORY_B";
    public static final String PRODUCT_A = "45A01";
    public static final String PRODUCT_B = "45B01";
    public static final long HOUR_TARIFF_A = 7_400;
    public static final int RESULT_SHARE_BASIS_POINTS = 1_000;
    public static final List<String> PROFILES = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8");

    public static final String GENERIC_1 = "43000001";
    public static final String GENERIC_2 = "43000002";
    /** Bid for category A and ranked third of two places. */
    public static final String GENERIC_LOST = "43000003";
    public static final String SPECIALIST = "43000004";
    /** Main contractor of a consortium: first offered 65 % (refused), then 70 % (accepted). */
    public static final String MAIN_CONTRACTOR = "43000005";
    public static final String SUBCONTRACTOR = "43000006";
    public static final String SPECIALIST_2 = "43000007";

    /** The fixed price of a trajectory in category B: by profile (P1 cheapest) and intensity 1–3. */
    public static long trajectoryPrice(String profile, int intensity) {
        long base = 90_000L + 30_000L * Integer.parseInt(profile.substring(1));
        long[] factorTenths = {10, 18, 30};
        return base * factorTenths[intensity - 1] / 10;
    }

    public record Loaded(String tenderId, List<String> contractIds, Api.Response refusedConsortiumBid,
                         Map<String, Object> amsterdamTrajectory, Map<String, Object> amstelveenTrajectory,
                         Map<String, Object> genericCare) {
        public String summary() {
            return contractIds.size() + " contracts (2 + 1 + 1 years, all " + MUNICIPALITIES.size()
                    + " municipalities), 3 allocations; a consortium bid below 70 % refused";
        }
    }

    public Loaded load(ScenarioPlatform p) {
        Steps steps = new Steps(p, REGION);
        steps.registerProvider(GENERIC_1, "Ouder-Kindteam Plus Amstel", "YOUTH_CARE");
        steps.registerProvider(GENERIC_2, "Jeugdhulp Amstelland", "YOUTH_CARE");
        steps.registerProvider(GENERIC_LOST, "Praktijk Grachtengordel", "YOUTH_CARE");
        steps.registerProvider(SPECIALIST, "Specialistische Jeugdzorg Amsterdam", "YOUTH_MENTAL_HEALTH");
        steps.registerProvider(MAIN_CONTRACTOR, "Hoofdaannemer Jeugd Zuidoost", "MIXED");
        steps.registerProvider(SUBCONTRACTOR, "Onderaannemer LVB Diemen", "LVB");
        steps.registerProvider(SPECIALIST_2, "Behandelcentrum IJ-oevers", "YOUTH_MENTAL_HEALTH");

        String round = "AMS 2-1-1";
        String strategyA = steps.strategy(round, CATEGORY_A, "LOW", "HIGH", "PXQ", "SELECTIVE", 2,
                List.of("generic care close to home", "limit growth"));
        steps.strategy(round, CATEGORY_B, "HIGH", "HIGH", "OUTPUT", "SELECTIVE", 3,
                List.of("a fixed price per trajectory: the provider decides the care", "watch upcoding"));
        List<Map<String, Object>> trajectoryPrices = new ArrayList<>();
        for (String profile : PROFILES) {
            for (int intensity = 1; intensity <= 3; intensity++) {
                trajectoryPrices.add(Map.of("profile", profile, "intensity", intensity,
                        "amountCents", trajectoryPrice(profile, intensity),
                        "resultShareBasisPoints", RESULT_SHARE_BASIS_POINTS));
            }
        }
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("strategyId", strategyA);
        tender.put("title", "Jeugdhulp Amsterdam-Amstelland");
        tender.put("description", "Category A per hour, category B per trajectory per profile and intensity");
        tender.put("lots", List.of(
                Map.of("name", "Categorie A: generiek", "segment", CATEGORY_A, "products", List.of(Map.of(
                        "productCategory", "45", "productCode", PRODUCT_A, "segment", CATEGORY_A, "fundingModel", "PXQ",
                        "unit", "04", "tariffs", List.of(Map.of("amountCents", HOUR_TARIFF_A))))),
                Map.of("name", "Categorie B: specialistisch", "segment", CATEGORY_B, "products", List.of(Map.of(
                        "productCategory", "45", "productCode", PRODUCT_B, "segment", CATEGORY_B, "fundingModel", "OUTPUT",
                        "unit", "82", "tariffs", trajectoryPrices)))));
        tender.put("terms", steps.terms(MUNICIPALITIES, 2, List.of(1, 1), 2_500_000_000L));
        tender.put("selectionCriteria", List.of(Map.of("code", "KWALITEITSREGISTER", "description",
                "Registered in the quality register youth care")));
        tender.put("awardCriteria", List.of(
                Map.of("code", "KWALITEIT", "description", "Quality and outcomes", "weight", 70),
                Map.of("code", "SAMENWERKING", "description", "Cooperation with the Ouder- en Kindteams", "weight", 30)));
        List<Map<String, Object>> tooSmallLead = List.of(Map.of("agbCode", SUBCONTRACTOR, "shareBasisPoints", 3_500));
        List<Map<String, Object>> members = List.of(Map.of("agbCode", SUBCONTRACTOR, "shareBasisPoints", 3_000));
        Steps.Procedure procedure = steps.recordedTender(tender,
                List.of(new Bid(1, MAIN_CONTRACTOR, 6_500, tooSmallLead, true, 7)),
                List.of(Bid.alone(0, GENERIC_1, 8), Bid.alone(0, GENERIC_2, 7), Bid.alone(0, GENERIC_LOST, 5),
                        Bid.alone(1, SPECIALIST, 8), new Bid(1, MAIN_CONTRACTOR, 7_000, members, true, 7),
                        Bid.alone(1, SPECIALIST_2, 6)));

        int year = p.careFrom().getYear();
        steps.budget(AMSTERDAM, year, CATEGORY_B, 1_500_000_000L);
        steps.budget(AMSTELVEEN, year, CATEGORY_B, 180_000_000L);
        steps.budget(AMSTERDAM, year, CATEGORY_A, 900_000_000L);

        List<String> bsns = TestBsns.block(100, 3);
        LocalDate from = p.careFrom();
        LocalDate to = from.plusMonths(9).minusDays(1);
        String referral = steps.triagedReferral(new Resident(bsns.get(0), "Noa Bakker", LocalDate.of(2012, 2, 14),
                AMSTERDAM, "04", "Jeugdbescherming Regio Amsterdam", "Gedragsproblemen thuis en op school"),
                CATEGORY_B, "P3", 2);
        Map<String, Object> amsterdam = steps.allocate(AMSTERDAM, referral, SPECIALIST, PRODUCT_B, 1, "82", "6",
                from, to, true);
        referral = steps.triagedReferral(new Resident(bsns.get(1), "Sem de Wit", LocalDate.of(2014, 6, 3),
                AMSTELVEEN, "02", "Huisartsen Amstelveen Centrum", "Angstklachten"), CATEGORY_B, "P5", 1);
        Map<String, Object> amstelveen = steps.allocate(AMSTELVEEN, referral, SPECIALIST, PRODUCT_B, 1, "82", "6",
                from, to, true);
        referral = steps.triagedReferral(new Resident(bsns.get(2), "Yara Haddou", LocalDate.of(2016, 11, 20),
                AMSTERDAM, "01", "Ouder- en Kindteam Oost", "Opvoedvragen"), CATEGORY_A, "P1", 1);
        Map<String, Object> generic = steps.allocate(AMSTERDAM, referral, GENERIC_1, PRODUCT_A, 2, "04", "2",
                from, from.plusWeeks(12).minusDays(1), true);
        return new Loaded(procedure.tenderId(), procedure.contractIds(), procedure.refusals().get(0), amsterdam,
                amstelveen, generic);
    }
}
