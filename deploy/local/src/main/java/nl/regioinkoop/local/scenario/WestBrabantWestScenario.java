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
 * West-Brabant West: an open house on four arrangements (low complex, high complex, foster care, residential),
 * result-based: a price per trajectory per client profile (9 profiles) × intensity. The access team links each
 * family to a profile; the family chooses among the providers contracted for that profile's arrangement. Any
 * provider meeting the requirements (quality register, consent to publish its scores) is admitted during the
 * term. Providers report dropout, satisfaction and goal realisation, which monitoring shows per provider.
 */
public final class WestBrabantWestScenario {
    public static final String NAME = "west-brabant-west";
    public static final String REGION = "WBW";
    public static final String ROOSENDAAL = "1674";
    public static final String BERGEN_OP_ZOOM = "0748";
    /** Roosendaal, Bergen op Zoom, Steenbergen, Woensdrecht (four of the region's nine). */
    public static final List<String> MUNICIPALITIES = List.of(ROOSENDAAL, BERGEN_OP_ZOOM, "0851", "0873");
    public static final List<String> CRITERIA = List.of("KWALITEITSREGISTER", "PUBLIEKE_SCORES");

    /** An arrangement: its segment, product and the client profiles it serves, with a trajectory price per profile. */
    public record Arrangement(String segment, String label, String category, String productCode,
                              List<String> profiles, long basePriceCents) {
        public long price(String profile, int intensity) {
            return basePriceCents + 15_000L * Integer.parseInt(profile.substring(2)) + 40_000L * (intensity - 1);
        }
    }

    public static final Arrangement LOW_COMPLEX = new Arrangement("LOW_COMPLEX", "Laag complex", "45", "45W01",
            List.of("CP1", "CP2", "CP3", "CP4", "CP5", "CP6"), 120_000L);
    public static final Arrangement HIGH_COMPLEX = new Arrangement("HIGH_COMPLEX", "Hoog complex", "54", "54W02",
            List.of("CP4", "CP5", "CP6", "CP7", "CP8", "CP9"), 420_000L);
    public static final Arrangement FOSTER_CARE = new Arrangement("FOSTER_CARE", "Pleegzorg", "44", "44W03",
            List.of("CP1", "CP2", "CP3", "CP4", "CP5", "CP6", "CP7", "CP8", "CP9"), 900_000L);
    public static final Arrangement RESIDENTIAL = new Arrangement("RESIDENTIAL", "Verblijf", "43", "43W04",
            List.of("CP5", "CP6", "CP7", "CP8", "CP9"), 2_400_000L);
    public static final List<Arrangement> ARRANGEMENTS = List.of(LOW_COMPLEX, HIGH_COMPLEX, FOSTER_CARE, RESIDENTIAL);

    public static final List<String> LOW_COMPLEX_PROVIDERS = List.of("44000001", "44000002", "44000003");
    public static final List<String> HIGH_COMPLEX_PROVIDERS = List.of("44000004", "44000005");
    public static final List<String> FOSTER_CARE_PROVIDERS = List.of("44000006", "44000007");
    /** A consortium for highly specialist residential care: lead and member. */
    public static final String RESIDENTIAL_LEAD = "44000008";
    public static final String RESIDENTIAL_MEMBER = "44000009";
    /** Admitted to low complex care while the term runs, when the scenario is loaded. */
    public static final String NEWCOMER = "44000010";

    /** A family's journey: who, which profile, whom they chose, how care ended and how it went. */
    public record Journey(String municipality, String name, String profile, int intensity, String chosenAgb,
                          String stopReason, String goalRealised, int satisfaction) {
    }

    /** Low complex care of the last months: stops 31 per plan, 32 by the client and 33 by the provider (dropout). */
    public static final List<Journey> JOURNEYS = List.of(
            new Journey(ROOSENDAAL, "Mees Vermeulen", "CP2", 1, "44000001", "31", "YES", 8),
            new Journey(BERGEN_OP_ZOOM, "Julia Rijnders", "CP3", 2, "44000001", "32", "NO", 5),
            new Journey(ROOSENDAAL, "Thijs van Loon", "CP1", 1, "44000002", "31", "YES", 9),
            new Journey(BERGEN_OP_ZOOM, "Lotte Geers", "CP4", 2, "44000002", "31", "PARTLY", 7),
            new Journey(ROOSENDAAL, "Bram Suijkerbuijk", "CP5", 3, "44000003", "33", "NO", 4));

    public record Loaded(String tenderId, Map<String, String> lotIdBySegment, List<String> contractIds,
                         List<Map<String, Object>> allocations, Map<String, Object> newcomerContract) {
        public String summary() {
            return "open house on 4 arrangements: " + contractIds.size() + " contracts + 1 admitted during the term, "
                    + allocations.size() + " families chose their provider";
        }
    }

    @SuppressWarnings("unchecked")
    public Loaded load(ScenarioPlatform p) {
        Steps steps = new Steps(p, REGION);
        String[][] providers = {{"44000001", "Jeugdhulp Roosendaal", "YOUTH_CARE"}, {"44000002", "Gezinskracht West-Brabant", "YOUTH_CARE"},
                {"44000003", "Praktijk De Vliet", "YOUTH_CARE"}, {"44000004", "Jeugd-GGZ Brabantse Wal", "YOUTH_MENTAL_HEALTH"},
                {"44000005", "Behandelpraktijk Zoomland", "YOUTH_MENTAL_HEALTH"}, {"44000006", "Pleegzorg West-Brabant", "YOUTH_CARE"},
                {"44000007", "Gezinshuizen De Markiezaat", "YOUTH_CARE"}, {"44000008", "Consortium Verblijf West-Brabant", "MIXED"},
                {"44000009", "Orthopedagogisch Centrum De Steenberg", "LVB"}, {NEWCOMER, "Jeugdhulp Nieuw Halsteren", "YOUTH_CARE"}};
        for (String[] provider : providers) {
            steps.registerProvider(provider[0], provider[1], provider[2]);
        }
        String round = "WBW open house";
        String strategyId = null;
        for (Arrangement a : ARRANGEMENTS) {
            boolean heavy = a == RESIDENTIAL || a == HIGH_COMPLEX;
            String id = steps.strategy(round, a.segment(), heavy ? "HIGH" : "LOW", heavy || a == LOW_COMPLEX ? "HIGH" : "LOW",
                    "OUTPUT", "OPEN_HOUSE", null, List.of("the family chooses within the profile",
                            "dropout, satisfaction and goal realisation public per provider"));
            strategyId = strategyId == null ? id : strategyId;
        }
        List<Map<String, Object>> lots = new ArrayList<>();
        for (Arrangement a : ARRANGEMENTS) {
            List<Map<String, Object>> prices = new ArrayList<>();
            for (String profile : a.profiles()) {
                for (int intensity = 1; intensity <= 3; intensity++) {
                    prices.add(Map.of("profile", profile, "intensity", intensity, "amountCents", a.price(profile, intensity)));
                }
            }
            lots.add(Map.of("name", a.label(), "segment", a.segment(), "products", List.of(Map.of(
                    "productCategory", a.category(), "productCode", a.productCode(), "segment", a.segment(),
                    "fundingModel", "OUTPUT", "unit", "82", "tariffs", prices))));
        }
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("strategyId", strategyId);
        tender.put("title", "Open house jeugdhulp West-Brabant West");
        tender.put("description", "Four arrangements, nine client profiles, admission open during the term");
        tender.put("lots", lots);
        tender.put("terms", steps.terms(MUNICIPALITIES, 3, List.of(1, 1), null));
        tender.put("selectionCriteria", List.of(
                Map.of("code", CRITERIA.get(0), "description", "Registered in the quality register youth care"),
                Map.of("code", CRITERIA.get(1), "description", "Agrees to publish dropout, satisfaction and goal realisation")));
        tender.put("awardCriteria", List.of());
        List<Bid> bids = new ArrayList<>();
        LOW_COMPLEX_PROVIDERS.forEach(agb -> bids.add(Bid.alone(0, agb, 0)));
        HIGH_COMPLEX_PROVIDERS.forEach(agb -> bids.add(Bid.alone(1, agb, 0)));
        FOSTER_CARE_PROVIDERS.forEach(agb -> bids.add(Bid.alone(2, agb, 0)));
        bids.add(new Bid(3, RESIDENTIAL_LEAD, 7_000, List.of(Map.of("agbCode", RESIDENTIAL_MEMBER,
                "shareBasisPoints", 3_000)), true, 0));
        Steps.Procedure procedure = steps.recordedTender(tender, bids);
        Map<String, String> lotIds = new LinkedHashMap<>();
        for (int i = 0; i < ARRANGEMENTS.size(); i++) {
            lotIds.put(ARRANGEMENTS.get(i).segment(), procedure.lotIds().get(i));
        }
        Api.Response admitted = admit(p, procedure.tenderId(), lotIds.get(LOW_COMPLEX.segment()), NEWCOMER, true);
        ScenarioPlatform.expect(201, admitted, "admitting " + NEWCOMER + " during the term");

        int year = p.careFrom().getYear();
        for (String municipality : List.of(ROOSENDAAL, BERGEN_OP_ZOOM)) {
            steps.budget(municipality, year, LOW_COMPLEX.segment(), 60_000_000L);
            steps.budget(municipality, year, FOSTER_CARE.segment(), 90_000_000L);
        }

        List<String> bsns = TestBsns.block(200, JOURNEYS.size());
        LocalDate from = p.careFrom();
        LocalDate to = from.plusMonths(6).minusDays(1);
        List<Map<String, Object>> allocations = new ArrayList<>();
        for (int i = 0; i < JOURNEYS.size(); i++) {
            Journey j = JOURNEYS.get(i);
            String referral = steps.triagedReferral(new Resident(bsns.get(i), j.name(), LocalDate.of(2012 + i, 3 + i, 10),
                    j.municipality(), "03", "Expertteam Jeugd West-Brabant West", "Vastgelopen thuis"),
                    LOW_COMPLEX.segment(), j.profile(), j.intensity());
            List<Map<String, Object>> eligible = steps.eligible(j.municipality(), referral, LOW_COMPLEX.productCode(),
                    from, to, LOW_COMPLEX_PROVIDERS.size());
            if (eligible.stream().noneMatch(e -> j.chosenAgb().equals(e.get("providerAgb")))) {
                throw new IllegalStateException(j.chosenAgb() + " is not among the providers of the profile: " + eligible);
            }
            Map<String, Object> allocation = steps.allocate(j.municipality(), referral, j.chosenAgb(),
                    LOW_COMPLEX.productCode(), 1, "82", "6", from, to, true);
            allocations.add(allocation);
            steps.careStartedStoppedAndOutcome(j.chosenAgb(), String.valueOf(allocation.get("id")), from,
                    from.plusDays(30), j.stopReason(), j.goalRealised(), j.satisfaction());
        }
        return new Loaded(procedure.tenderId(), lotIds, procedure.contractIds(), allocations,
                (Map<String, Object>) admitted.json().get("contract"));
    }

    /** A provider asks to be admitted to an arrangement of the open house; the answer as the service gave it. */
    public static Api.Response admit(ScenarioPlatform p, String tenderId, String lotId, String agb, boolean meetsAll) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lotId", lotId);
        body.put("leadAgb", agb);
        body.put("selectionAnswers", List.of(
                Map.of("criterion", CRITERIA.get(0), "passed", meetsAll, "evidenceReference", "KR-" + agb),
                Map.of("criterion", CRITERIA.get(1), "passed", true, "evidenceReference", "consent-" + agb)));
        return p.post(p.contracting, "/api/v1/open-house/" + tenderId + "/admissions", p.tokens.provider(agb), body);
    }
}
