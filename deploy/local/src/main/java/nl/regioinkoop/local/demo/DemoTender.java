package nl.regioinkoop.local.demo;

import me.tongfei.progressbar.ProgressBar;
import nl.regioinkoop.local.demo.RegionPlan.Provider;
import nl.regioinkoop.local.demo.RegionPlan.Segment;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region's tender "Jeugdhulp Midden-Limburg West 2026", recorded as it ran in 2025: a strategy per segment, one
 * lot per segment, a question and the memorandum of information, a bid by every provider (the residential
 * treatment partnership as a consortium), scores, ranking, provisional award, standstill and definitive award, which
 * signs the contracts that run from 2026 (4 + 2 + 2 years).
 */
final class DemoTender {
    private final Api contracting;
    private final String procurement;
    private final Tokens tokens;
    private final RegionPlan plan;
    private final DemoRegionLoader.Poster poster;

    DemoTender(Api contracting, String procurement, Tokens tokens, RegionPlan plan, DemoRegionLoader.Poster poster) {
        this.contracting = contracting;
        this.procurement = procurement;
        this.tokens = tokens;
        this.plan = plan;
        this.poster = poster;
    }

    int run(ProgressBar progress) {
        for (Segment s : RegionPlan.SEGMENTS) {
            boolean residential = s.code().equals("RESIDENTIAL_TREATMENT");
            Map<String, Object> strategy = new LinkedHashMap<>();
            strategy.put("round", "2026");
            strategy.put("segment", s.code());
            strategy.put("supplyRisk", residential || s.code().equals("CRISIS") ? "HIGH" : "LOW");
            strategy.put("financialImpact", residential || s.code().equals("AMBULANT") ? "HIGH" : "LOW");
            strategy.put("fundingModel", "PXQ");
            strategy.put("contractForm", residential ? "PARTNERSHIP" : "SELECTIVE");
            strategy.put("targetProviders", plan.providersOf(s.code()).size());
            strategy.put("goals", residential ? List.of("20 % fewer residential beds in five years", "no unnecessary moves")
                    : List.of("the right care the first time"));
            Api.Response adopted = post("/api/v1/strategies", strategy);
            if (adopted.status() != 409) { // adopted by an earlier, interrupted load
                Http.expect(201, adopted, "adopting a strategy");
            }
            progress.step();
        }

        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("strategyId", strategyOf("RESIDENTIAL_TREATMENT"));
        tender.put("title", "Jeugdhulp Midden-Limburg West 2026");
        tender.put("description", "Specialist youth care for Weert, Nederweert and Leudal, one lot per segment");
        List<Map<String, Object>> lots = new ArrayList<>();
        for (Segment s : RegionPlan.SEGMENTS) {
            lots.add(Map.of("name", s.label(), "segment", s.code(), "products", List.of(Map.of(
                    "productCategory", s.productCategory(), "productCode", s.productCode(), "segment", s.code(),
                    "fundingModel", "PXQ", "unit", s.unit(),
                    "tariffs", List.of(Map.of("amountCents", s.tariffCents()))))));
        }
        tender.put("lots", lots);
        tender.put("terms", Map.of("municipalities", RegionPlan.MUNICIPALITIES.stream().map(RegionPlan.Municipality::code).toList(),
                "validFrom", "2026-01-01", "initialYears", 4, "extensionOptions", List.of(2, 2), "noticeMonths", 6,
                "annualCeilingCents", 400_000_000L, "acceptanceDutyDays", 180));
        tender.put("submissionDeadline", "2025-06-30");
        tender.put("standstillDays", 20);
        tender.put("selectionCriteria", List.of(
                Map.of("code", "KWALITEITSREGISTER", "description", "Registered in the quality register youth care"),
                Map.of("code", "KEURMERK", "description", "Holds a recognised quality mark (HKZ or equivalent)")));
        tender.put("awardCriteria", List.of(
                Map.of("code", "QUALITY", "description", "Quality of care and outcomes", "weight", 60),
                Map.of("code", "COOPERATION", "description", "Cooperation with access teams and schools", "weight", 25),
                Map.of("code", "INNOVATION", "description", "Normalising and ambulant alternatives", "weight", 15)));
        Api.Response created = Http.expect(201, post("/api/v1/tenders", tender), "creating the tender");
        String tenderId = Http.id(created);
        List<Map<String, Object>> createdLots = lotsOf(created);

        phase(tenderId, "PUBLICATION", "2025-04-01");
        phase(tenderId, "QUESTIONS", "2025-04-15");
        String anyLot = String.valueOf(createdLots.get(0).get("lotId"));
        Provider asker = plan.providers.get(5);
        Api.Response question = Http.expect(201, poster.post(contracting, "/api/v1/tenders/" + tenderId + "/questions",
                tokens.provider(asker.agb()), Map.of("lotId", anyLot, "text",
                        "Counts a family home as housing or as residential treatment?")), "asking a question");
        Http.expect(200, post("/api/v1/tenders/" + tenderId + "/questions/" + Http.id(question) + "/answer",
                Map.of("answer", "As housing (lot Wonen), unless treatment is part of the stay.")), "answering");
        phase(tenderId, "MEMORANDUM_OF_INFORMATION", "2025-05-15");

        List<String> bids = new ArrayList<>();
        for (Map<String, Object> lot : createdLots) {
            String segment = String.valueOf(lot.get("segment"));
            String lotId = String.valueOf(lot.get("lotId"));
            List<Provider> providers = plan.providersOf(segment);
            List<Provider> consortium = plan.consortium();
            for (Provider p : providers) {
                if (segment.equals("RESIDENTIAL_TREATMENT") && consortium.contains(p) && !p.equals(consortium.get(0))) {
                    continue; // a member of the partnership: bids within the lead's bid
                }
                Map<String, Object> bid = new LinkedHashMap<>();
                bid.put("lotId", lotId);
                bid.put("leadAgb", p.agb());
                if (p.equals(consortium.get(0))) {
                    bid.put("leadShareBasisPoints", 7_000);
                    bid.put("members", List.of(Map.of("agbCode", consortium.get(1).agb(), "shareBasisPoints", 2_000),
                            Map.of("agbCode", consortium.get(2).agb(), "shareBasisPoints", 1_000)));
                }
                bid.put("selectionAnswers", List.of(
                        Map.of("criterion", "KWALITEITSREGISTER", "passed", true, "evidenceReference", "KR-" + p.agb()),
                        Map.of("criterion", "KEURMERK", "passed", true, "evidenceReference", "HKZ-" + p.kvk())));
                bid.put("submittedOn", "2025-06-20");
                bids.add(Http.id(Http.expect(201, poster.post(contracting, "/api/v1/tenders/" + tenderId + "/bids",
                        tokens.provider(p.agb()), bid), "bidding")) + "|" + lotId);
            }
        }
        progress.step();
        phase(tenderId, "SUBMISSION_DEADLINE", "2025-07-01");
        phase(tenderId, "EVALUATION", "2025-07-02");
        int evaluator = 0;
        for (String bid : bids) {
            String[] idAndLot = bid.split("\\|");
            for (String who : List.of("inkoper-a", "inkoper-b")) {
                evaluator++;
                Http.expect(200, post("/api/v1/tenders/" + tenderId + "/lots/" + idAndLot[1] + "/scores", Map.of(
                        "bidId", idAndLot[0], "evaluator", who, "scores", Map.of(
                                "QUALITY", 6 + evaluator % 4, "COOPERATION", 5 + evaluator % 5,
                                "INNOVATION", 6 + evaluator % 3))), "scoring");
            }
        }
        Http.expect(200, post("/api/v1/tenders/" + tenderId + "/ranking", Map.of()), "ranking");
        Http.expect(200, post("/api/v1/tenders/" + tenderId + "/award",
                Map.of("definitive", false, "effectiveDate", "2025-09-01")), "provisional award");
        Api.Response definitive = Http.expect(200, post("/api/v1/tenders/" + tenderId + "/award",
                Map.of("definitive", true, "effectiveDate", "2025-09-25")), "definitive award");
        phase(tenderId, "IMPLEMENTATION", "2025-10-01");
        progress.step();
        Object contracts = definitive.json().get("contractIds");
        return contracts instanceof List<?> list ? list.size() : bids.size();
    }

    @SuppressWarnings("unchecked")
    private String strategyOf(String segment) {
        Api.Response strategies = Http.expect(200, contracting.get("/api/v1/strategies?size=100", procurement),
                "listing strategies");
        return ((List<Map<String, Object>>) strategies.json().get("content")).stream()
                .filter(s -> segment.equals(s.get("segment")) && "2026".equals(s.get("round")))
                .map(s -> String.valueOf(s.get("id"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no strategy for " + segment + ": " + strategies));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lotsOf(Api.Response tender) {
        return (List<Map<String, Object>>) tender.json().get("lots");
    }

    private void phase(String tenderId, String phase, String on) {
        Http.expect(200, post("/api/v1/tenders/" + tenderId + "/phase", Map.of("phase", phase, "effectiveDate", on)),
                "moving the tender to " + phase);
    }

    private Api.Response post(String path, Object body) {
        return poster.post(contracting, path, procurement, body);
    }
}
