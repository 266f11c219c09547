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

    public Api.Response score(String tenderId, String lotId, String bidId, String evaluator, int quality, int price) {
        return api.post("/api/v1/tenders/" + tenderId + "/lots/" + lotId + "/scores", officer, """
                {"bidId":"%s","evaluator":"%s","scores":{"QUALITY":%d,"PRICE":%d}}"""
                .formatted(bidId, evaluator, quality, price));
    }
}
