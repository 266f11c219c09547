package nl.regioinkoop.contracting;

import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Tokens;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Drives the tender API as the procurement office would, for tests. */
public final class TenderFixtures {
    private final Api api;
    private final String officer;

    public TenderFixtures(Api api, Tokens tokens) {
        this.api = api;
        this.officer = tokens.procurementOfficer("MLW");
    }

    public String strategy(String contractForm, Integer targetProviders) {
        String round = "R-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/strategies", officer, """
                {"round":"%s","segment":"ambulant","supplyRisk":"LOW","financialImpact":"HIGH","fundingModel":"PXQ",
                 "contractForm":"%s","targetProviders":%s,"goals":["fewer providers","care close to home"]}"""
                .formatted(round, contractForm, targetProviders));
        assertEquals(201, created.status(), created.toString());
        return (String) created.json().get("id");
    }

    /** One lot for the whole region; deadline 2026-03-01, contracts from 2026-07-01 for 4 + 2 + 2 years. */
    public static String tenderBody(String strategyId, String awardCriteria) {
        return """
                {"strategyId":"%s","title":"Ambulante jeugdhulp 2026","description":"Individuele begeleiding en behandeling",
                 "lots":[{"name":"Regio","products":%s}],
                 "terms":{"municipalities":["0988","0946","1640"],"validFrom":"2026-07-01","initialYears":4,
                          "extensionOptions":[2,2],"noticeMonths":6,"annualCeilingCents":120000000,"acceptanceDutyDays":180},
                 "submissionDeadline":"2026-03-01",
                 "plannedDates":{"PUBLICATION":"2026-01-05","PROVISIONAL_AWARD":"2026-03-05"},
                 "selectionCriteria":[{"code":"QUALITY_REGISTER","description":"Registered in the youth care quality register"}],
                 "awardCriteria":%s}""".formatted(strategyId, Fixtures.products(), awardCriteria);
    }

    public static final String WEIGHTS_60_40 = """
            [{"code":"QUALITY","description":"Plan of approach","weight":60},
             {"code":"PRICE","description":"Tariff","weight":40}]""";

    public Map<String, Object> tender(String strategyId) {
        Api.Response created = api.post("/api/v1/tenders", officer, tenderBody(strategyId, WEIGHTS_60_40));
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    public Api.Response phase(String tenderId, String phase) {
        return api.post("/api/v1/tenders/" + tenderId + "/phase", officer, "{\"phase\":\"" + phase + "\"}");
    }

    public static String bid(String lotId, String leadAgb, boolean passes) {
        return """
                {"lotId":"%s","leadAgb":"%s","selectionAnswers":[{"criterion":"QUALITY_REGISTER","passed":%s,
                 "evidenceReference":"KR-%s"}]}""".formatted(lotId, leadAgb, passes, leadAgb);
    }

    public static String consortiumBid(String lotId, String leadAgb, int leadShare, String memberAgb, int memberShare) {
        return """
                {"lotId":"%s","leadAgb":"%s","leadShareBasisPoints":%d,
                 "members":[{"agbCode":"%s","shareBasisPoints":%d}],
                 "selectionAnswers":[{"criterion":"QUALITY_REGISTER","passed":true,"evidenceReference":"KR-%s"}]}"""
                .formatted(lotId, leadAgb, leadShare, memberAgb, memberShare, leadAgb);
    }

    /**
     * A selective tender (best 2) driven from publication to the definitive award with three bidders, one of them a
     * consortium; the clock ends on 2026-03-26. Returns the tender id.
     */
    public String definitivelyAwardedTender(TestClock clock, Tokens tokens) {
        clock.setToday(java.time.LocalDate.of(2026, 1, 5));
        String tenderId = (String) tender(strategy("SELECTIVE", 2)).get("id");
        String lotId = (String) Json.map(Json.list(api.get("/api/v1/tenders/" + tenderId, officer).json().get("lots"))
                .get(0)).get("lotId");
        ok(phase(tenderId, "PUBLICATION"));
        String a = Fixtures.randomAgb();
        String b = Fixtures.randomAgb();
        String c = Fixtures.randomAgb();
        String bidA = created(api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(a), bid(lotId, a, true)));
        String bidB = created(api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(b),
                consortiumBid(lotId, b, 8000, Fixtures.randomAgb(), 2000)));
        String bidC = created(api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(c), bid(lotId, c, true)));
        ok(api.post("/api/v1/tenders/" + tenderId + "/questions", tokens.provider(c), "{\"text\":\"Which unit?\"}"), 201);
        ok(phase(tenderId, "QUESTIONS"));
        String questionId = (String) Json.list(api.get("/api/v1/tenders/" + tenderId + "/questions", officer).json().get("content")).stream()
                .map(Json::map).findFirst().orElseThrow().get("id");
        ok(api.post("/api/v1/tenders/" + tenderId + "/questions/" + questionId + "/answer", officer,
                "{\"answer\":\"Hours (WJ756 04).\"}"));
        ok(phase(tenderId, "MEMORANDUM_OF_INFORMATION"));
        clock.setToday(java.time.LocalDate.of(2026, 3, 2));
        ok(phase(tenderId, "SUBMISSION_DEADLINE"));
        ok(phase(tenderId, "EVALUATION"));
        ok(score(tenderId, lotId, bidA, "e1", 9, 8));
        ok(score(tenderId, lotId, bidB, "e1", 8, 8));
        ok(score(tenderId, lotId, bidC, "e1", 5, 5));
        ok(api.post("/api/v1/tenders/" + tenderId + "/ranking", officer, "{}"));
        clock.setToday(java.time.LocalDate.of(2026, 3, 5));
        ok(api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":false}"));
        ok(phase(tenderId, "STANDSTILL"));
        clock.setToday(java.time.LocalDate.of(2026, 3, 26));
        ok(api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":true}"));
        return tenderId;
    }

    private static void ok(Api.Response response) {
        ok(response, 200);
    }

    private static void ok(Api.Response response, int status) {
        assertEquals(status, response.status(), response.toString());
    }

    private static String created(Api.Response response) {
        ok(response, 201);
        return (String) response.json().get("id");
    }

    public Api.Response score(String tenderId, String lotId, String bidId, String evaluator, int quality, int price) {
        return api.post("/api/v1/tenders/" + tenderId + "/lots/" + lotId + "/scores", officer, """
                {"bidId":"%s","evaluator":"%s","scores":{"QUALITY":%d,"PRICE":%d}}"""
                .formatted(bidId, evaluator, quality, price));
    }
}
