package nl.regioinkoop.local.scenario;

import nl.regioinkoop.local.scenario.Steps.Bid;
import nl.regioinkoop.local.scenario.Steps.Resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hart van Brabant 2022. Wmo support (WMO020 02) is bought as a task: a lump sum per area per year for 12 areas,
 * one provider or consortium per area, 4 + 2 + 2 years, allocations recorded without a price (no per-client cost,
 * no declarations). Youth specialist care goes to one partnership (a lead and two members) as a task-based lump sum
 * for the whole region, 4 years.
 */
public final class HartVanBrabantScenario {
    public static final String NAME = "hart-van-brabant";
    public static final String REGION = "HVB";
    public static final String TILBURG = "0855";
    public static final String WAALWIJK = "0867";
    /** Tilburg, Dongen, Gilze en Rijen, Goirle, Hilvarenbeek, Loon op Zand, Oisterwijk, Waalwijk, Heusden. */
    public static final List<String> MUNICIPALITIES = List.of(TILBURG, "0766", "0784", "0785", "0798", "0809", "0824",
            WAALWIJK, "0797");
    public static final String WMO_SEGMENT = "WMO_SUPPORT";
    public static final String WMO_PRODUCT = "02A01";
    public static final String YOUTH_SEGMENT = "YOUTH_SPECIALIST";
    public static final String YOUTH_PRODUCT = "43S01";
    public static final String YOUTH_AREA = "Hart van Brabant";
    public static final long YOUTH_LUMP_SUM_CENTS = 2_700_000_000L;

    /** An area, its lump sum per year and who holds it. */
    public record Area(String name, long lumpSumCents, String holderAgb, String holderName) {
    }

    public static final List<Area> AREAS = List.of(
            new Area("Tilburg Noord", 410_000_000L, "42000001", "Wijkteam Tilburg Noord"),
            new Area("Tilburg Oud-Noord", 330_000_000L, "42000002", "Stichting Samen Oud-Noord"),
            new Area("Tilburg West", 360_000_000L, "42000003", "ContourdeTwern West"),
            new Area("Tilburg Centrum", 300_000_000L, "42000004", "Ondersteuning Centrum Tilburg"),
            new Area("Tilburg Zuid", 350_000_000L, "42000005", "Thuis in Zuid"),
            new Area("Tilburg Oost", 320_000_000L, "42000006", "Buurtzorg Ondersteuning Oost"),
            new Area("Tilburg Reeshof", 390_000_000L, "42000007", "Reeshof Dichtbij"),
            new Area("Waalwijk", 340_000_000L, "42000008", "Wmo Waalwijk Sterk"),
            new Area("Heusden", 300_000_000L, "42000009", "Heusden Ondersteunt"),
            new Area("Dongen en Loon op Zand", 320_000_000L, "42000010", "Samen in de Langstraat"),
            new Area("Oisterwijk en Hilvarenbeek", 300_000_000L, "42000011", "Consortium Kempenland Ondersteuning"),
            new Area("Goirle en Gilze en Rijen", 320_000_000L, "42000012", "Ondersteuning Goirle-Gilze"));
    /** Bid for Tilburg Noord too and lost: one provider per area. */
    public static final String LOSING_BIDDER = "42000013";
    /** With 42000011 the consortium of Oisterwijk en Hilvarenbeek (70 % / 30 %). */
    public static final String AREA_CONSORTIUM_MEMBER = "42000014";
    public static final String YOUTH_LEAD = "42000021";
    public static final List<String> YOUTH_MEMBERS = List.of("42000022", "42000023");

    /** What was loaded: the procedures, the area contracts and the allocations the access teams recorded. */
    public record Loaded(String wmoTenderId, List<String> areaContractIds, String youthTenderId,
                         String youthContractId, List<Map<String, Object>> wmoAllocations,
                         List<Map<String, Object>> youthAllocations) {
        public String summary() {
            return areaContractIds.size() + " area contracts (lump sum), 1 partnership contract, "
                    + wmoAllocations.size() + " Wmo and " + youthAllocations.size() + " youth allocations";
        }
    }

    public Loaded load(ScenarioPlatform p) {
        Steps steps = new Steps(p, REGION);
        for (Area area : AREAS) {
            steps.registerProvider(area.holderAgb(), area.holderName(), "WMO");
        }
        steps.registerProvider(LOSING_BIDDER, "ZorgSaam Thuis Tilburg", "WMO");
        steps.registerProvider(AREA_CONSORTIUM_MEMBER, "Dagbesteding De Kempen", "WMO");
        steps.registerProvider(YOUTH_LEAD, "Jeugdhulp Specialistisch Brabant", "YOUTH_MENTAL_HEALTH");
        steps.registerProvider(YOUTH_MEMBERS.get(0), "Behandelcentrum De Hoeve", "YOUTH_CARE");
        steps.registerProvider(YOUTH_MEMBERS.get(1), "Kinder- en Jeugdpsychiatrie Midden-Brabant", "YOUTH_MENTAL_HEALTH");
        ScenarioPlatform.expect(201, p.post(p.provider, "/api/v1/consortia", steps.procurement(), Map.of("name", "Partnerschap Jeugd Hart van Brabant",
                "members", List.of(Map.of("agbCode", YOUTH_LEAD, "role", "LEAD", "shareBasisPoints", 7_000),
                        Map.of("agbCode", YOUTH_MEMBERS.get(0), "role", "MEMBER", "shareBasisPoints", 2_000),
                        Map.of("agbCode", YOUTH_MEMBERS.get(1), "role", "MEMBER", "shareBasisPoints", 1_000)))),
                "registering the partnership");

        Steps.Procedure wmo = wmoSupport(steps);
        Steps.Procedure youth = youthSpecialistCare(steps);

        int year = p.careFrom().getYear();
        long tilburgAreas = AREAS.stream().filter(a -> a.name().startsWith("Tilburg")).mapToLong(Area::lumpSumCents).sum();
        // the municipality keeps its budget line: the lump sums are paid by contract, the line shows what they cost
        steps.budget(TILBURG, year, WMO_SEGMENT, tilburgAreas);
        steps.budget(TILBURG, year, YOUTH_SEGMENT, YOUTH_LUMP_SUM_CENTS * 45 / 100);
        steps.budget(WAALWIJK, year, YOUTH_SEGMENT, YOUTH_LUMP_SUM_CENTS * 11 / 100);

        List<String> bsns = TestBsns.block(0, 5);
        LocalDate from = p.careFrom();
        LocalDate to = from.plusYears(1).minusDays(1);
        List<Map<String, Object>> wmoAllocations = new ArrayList<>();
        String[][] adults = {{"Tilburg Noord", "Henk van Gils", "1958-03-12"}, {"Tilburg West", "Fatima El Idrissi", "1971-09-30"},
                {"Tilburg Reeshof", "Ria Schellekens", "1949-12-02"}};
        for (int i = 0; i < adults.length; i++) {
            Area area = area(adults[i][0]);
            String referral = steps.triagedReferral(new Resident(bsns.get(i), adults[i][1], LocalDate.parse(adults[i][2]),
                    TILBURG, "01", "Wijkteam " + area.name(), "Ondersteuning thuis na ontslag uit het ziekenhuis"),
                    WMO_SEGMENT, i == 1 ? "MULTIPLE_PROBLEMS" : "SINGLE_PROBLEM", 1 + i % 3);
            // support as agreed with the area's team: 3 hours a week, recorded without a price
            wmoAllocations.add(steps.allocate(TILBURG, referral, area.holderAgb(), WMO_PRODUCT, 3, "04", "2", from, to,
                    false));
        }
        List<Map<String, Object>> youthAllocations = new ArrayList<>();
        String referral = steps.triagedReferral(new Resident(bsns.get(3), "Daan Verhoeven", LocalDate.of(2011, 5, 17),
                TILBURG, "05", "Kinderarts ETZ Tilburg", "Ernstige eetproblematiek"), YOUTH_SEGMENT, "MULTIPLE_PROBLEMS", 3);
        youthAllocations.add(steps.allocate(TILBURG, referral, YOUTH_LEAD, YOUTH_PRODUCT, 4, "04", "2", from, to, true));
        referral = steps.triagedReferral(new Resident(bsns.get(4), "Lieke de Bruijn", LocalDate.of(2013, 8, 1),
                WAALWIJK, "02", "Huisartsenpraktijk Besoyen", "Angst en dwang"), YOUTH_SEGMENT, "SINGLE_PROBLEM", 2);
        // a member of the partnership delivers under the partnership's one contract
        youthAllocations.add(steps.allocate(WAALWIJK, referral, YOUTH_MEMBERS.get(0), YOUTH_PRODUCT, 2, "04", "2", from,
                to, true));
        return new Loaded(wmo.tenderId(), wmo.contractIds(), youth.tenderId(), youth.contractIds().get(0),
                wmoAllocations, youthAllocations);
    }

    public static Area area(String name) {
        return AREAS.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private Steps.Procedure wmoSupport(Steps steps) {
        String strategy = steps.strategy("HVB 2022", WMO_SEGMENT, "HIGH", "HIGH", "LUMP_SUM", "SELECTIVE", 1,
                List.of("one provider or consortium per area answers for support in that area",
                        "support without a formal decision (beschikkingsarm)"));
        List<Map<String, Object>> lots = new ArrayList<>();
        for (Area area : AREAS) {
            lots.add(Map.of("name", "Wmo-ondersteuning " + area.name(), "segment", WMO_SEGMENT, "area", area.name(),
                    "products", List.of(Map.of("productCategory", "02", "productCode", WMO_PRODUCT, "segment", WMO_SEGMENT,
                            "fundingModel", "LUMP_SUM", "unit", "83",
                            "tariffs", List.of(Map.of("area", area.name(), "amountCents", area.lumpSumCents()))))));
        }
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("strategyId", strategy);
        tender.put("title", "Wmo-ondersteuning Hart van Brabant in 12 gebieden");
        tender.put("description", "Task-based lump sum per area per year; one provider or consortium per area");
        tender.put("lots", lots);
        tender.put("terms", steps.terms(MUNICIPALITIES, 4, List.of(2, 2), null));
        tender.put("selectionCriteria", List.of(Map.of("code", "KWALITEIT", "description",
                "Quality mark for social support (HKZ or equivalent)")));
        tender.put("awardCriteria", List.of(
                Map.of("code", "GEBIEDSPLAN", "description", "Plan for the area: prevention, networks, informal care", "weight", 60),
                Map.of("code", "SAMENWERKING", "description", "Cooperation with the area's GP and youth teams", "weight", 40)));
        List<Bid> bids = new ArrayList<>();
        for (int i = 0; i < AREAS.size(); i++) {
            Area area = AREAS.get(i);
            if (area.holderAgb().equals("42000011")) {
                bids.add(new Bid(i, area.holderAgb(), 7_000, List.of(Map.of("agbCode", AREA_CONSORTIUM_MEMBER,
                        "shareBasisPoints", 3_000)), true, 8));
            } else {
                bids.add(Bid.alone(i, area.holderAgb(), 8));
            }
        }
        bids.add(Bid.alone(0, LOSING_BIDDER, 6));
        return steps.recordedTender(tender, bids);
    }

    private Steps.Procedure youthSpecialistCare(Steps steps) {
        String strategy = steps.strategy("HVB 2022", YOUTH_SEGMENT, "HIGH", "HIGH", "LUMP_SUM", "PARTNERSHIP", 1,
                List.of("a limited set of providers shares the task for specialist youth care",
                        "fewer residential beds, ambulant alternatives first"));
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("strategyId", strategy);
        tender.put("title", "Specialistische jeugdhulp Hart van Brabant");
        tender.put("description", "Task-based: one partnership, one lump sum a year for the region");
        tender.put("lots", List.of(Map.of("name", "Specialistische jeugdhulp", "segment", YOUTH_SEGMENT, "area", YOUTH_AREA,
                "products", List.of(Map.of("productCategory", "43", "productCode", YOUTH_PRODUCT, "segment", YOUTH_SEGMENT,
                        "fundingModel", "LUMP_SUM", "unit", "83",
                        "tariffs", List.of(Map.of("area", YOUTH_AREA, "amountCents", YOUTH_LUMP_SUM_CENTS)))))));
        tender.put("terms", steps.terms(MUNICIPALITIES, 4, List.of(), null));
        tender.put("selectionCriteria", List.of(Map.of("code", "KWALITEITSREGISTER", "description",
                "Registered in the quality register youth care")));
        tender.put("awardCriteria", List.of(Map.of("code", "TRANSFORMATIE", "description",
                "Plan to reduce residential care", "weight", 100)));
        return steps.recordedTender(tender, List.of(new Bid(0, YOUTH_LEAD, 7_000, List.of(
                Map.of("agbCode", YOUTH_MEMBERS.get(0), "shareBasisPoints", 2_000),
                Map.of("agbCode", YOUTH_MEMBERS.get(1), "shareBasisPoints", 1_000)), true, 8)));
    }
}
