package nl.regioinkoop.contracting.tender;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.contracting.Fixtures;
import nl.regioinkoop.contracting.Json;
import nl.regioinkoop.contracting.TenderFixtures;
import nl.regioinkoop.contracting.TestClock;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class TenderToContractsIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    TestClock clock;
    @Inject
    Tenders tenders;
    Api api;
    TenderFixtures office;
    String officer;

    @Override
    protected String databaseName() {
        return "contracting";
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
        office = new TenderFixtures(api, tokens);
        officer = tokens.procurementOfficer("MLW");
    }

    @BeforeEach
    void today() {
        clock.setToday(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aSelectiveTenderRunsFromPublicationToSignedContractsForTheBestTwo() {
        String tenderId = (String) office.tender(office.strategy("SELECTIVE", 2)).get("id");
        Map<String, Object> tender = Json.map(api.get("/api/v1/tenders/" + tenderId, officer).body());
        String lotId = (String) Json.map(Json.list(tender.get("lots")).get(0)).get("lotId");
        assertEquals("PREPARATION", tender.get("phase"));
        assertEquals(20, ((Number) tender.get("standstillDays")).intValue(), "the default standstill");

        String a = Fixtures.randomAgb();
        String b = Fixtures.randomAgb();
        String member = Fixtures.randomAgb();
        String c = Fixtures.randomAgb();
        String d = Fixtures.randomAgb();
        assertEquals(404, api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(a),
                TenderFixtures.bid(lotId, a, true)).status(), "an unpublished tender does not exist for providers");

        assertEquals(200, office.phase(tenderId, "PUBLICATION").status());
        Api.Response question = api.post("/api/v1/tenders/" + tenderId + "/questions", tokens.provider(c),
                "{\"text\":\"Is a quality register number from 2025 still valid?\"}");
        assertEquals(201, question.status(), question.toString());
        assertEquals(200, office.phase(tenderId, "QUESTIONS").status());
        Api.Response unanswered = office.phase(tenderId, "MEMORANDUM_OF_INFORMATION");
        assertEquals(409, unanswered.status(), unanswered.toString());
        assertTrue(unanswered.body().contains("unanswered-questions"), unanswered.body());
        Api.Response answered = api.post("/api/v1/tenders/" + tenderId + "/questions/" + question.json().get("id")
                + "/answer", officer, "{\"answer\":\"Yes, if it is still registered on the deadline.\"}");
        assertEquals(200, answered.status(), answered.toString());
        assertEquals(200, office.phase(tenderId, "MEMORANDUM_OF_INFORMATION").status());
        Api.Response memorandum = api.get("/api/v1/tenders/" + tenderId + "/memorandum", tokens.provider(a));
        assertEquals(200, memorandum.status(), memorandum.toString());
        assertTrue(memorandum.body().contains("still registered on the deadline"), memorandum.body());
        assertTrue(!memorandum.body().contains(c), "the memorandum does not name who asked");

        String bidA = submit(tenderId, a, TenderFixtures.bid(lotId, a, true));
        String bidB = submit(tenderId, b, TenderFixtures.consortiumBid(lotId, b, 7000, member, 3000));
        String bidC = submit(tenderId, c, TenderFixtures.bid(lotId, c, false));
        String bidD = submit(tenderId, d, TenderFixtures.bid(lotId, d, true));

        Api.Response tooEarlyAward = api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":false}");
        assertEquals(409, tooEarlyAward.status(), tooEarlyAward.toString());
        assertTrue(tooEarlyAward.body().contains("phase-does-not-allow"), tooEarlyAward.body());
        Api.Response beforeDeadline = office.phase(tenderId, "SUBMISSION_DEADLINE");
        assertEquals(409, beforeDeadline.status(), beforeDeadline.toString());

        clock.setToday(LocalDate.of(2026, 3, 2));
        Api.Response late = api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(Fixtures.randomAgb()),
                TenderFixtures.bid(lotId, "00000000", true));
        assertEquals(403, late.status(), "a provider bids only for itself");
        String lateAgb = Fixtures.randomAgb();
        Api.Response lateBid = api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(lateAgb),
                TenderFixtures.bid(lotId, lateAgb, true));
        assertEquals(409, lateBid.status(), lateBid.toString());
        assertTrue(lateBid.body().contains("submission-deadline-passed"), lateBid.body());
        assertEquals(200, office.phase(tenderId, "SUBMISSION_DEADLINE").status());
        assertEquals(200, office.phase(tenderId, "EVALUATION").status());

        assertEquals(200, office.score(tenderId, lotId, bidA, "evaluator-1", 8, 7).status());
        assertEquals(200, office.score(tenderId, lotId, bidA, "evaluator-2", 9, 7).status());
        assertEquals(200, office.score(tenderId, lotId, bidB, "evaluator-1", 9, 6).status());
        Api.Response incomplete = api.post("/api/v1/tenders/" + tenderId + "/ranking", officer, "{}");
        assertEquals(409, incomplete.status(), "bid D has no scores yet: " + incomplete);
        assertTrue(incomplete.body().contains("incomplete-scores"), incomplete.body());
        assertEquals(200, office.score(tenderId, lotId, bidD, "evaluator-1", 6, 9).status());

        Api.Response ranked = api.post("/api/v1/tenders/" + tenderId + "/ranking", officer, "{}");
        assertEquals(200, ranked.status(), ranked.toString());
        List<Object> ranking = Json.list(Json.map(ranked.jsonList().get(0)).get("ranking"));
        assertEquals(List.of(bidA, bidB, bidD, bidC), ranking.stream().map(r -> Json.map(r).get("bidId")).toList());
        assertEquals(List.of(79.0, 78.0, 72.0, 0.0), ranking.stream()
                .map(r -> ((Number) Json.map(r).get("totalScore")).doubleValue()).toList(),
                "weight x mean score / 10, summed: A 60x8.5/10 + 40x7/10 = 79");
        assertEquals(false, Json.map(ranking.get(3)).get("passedSelection"));

        clock.setToday(LocalDate.of(2026, 3, 5));
        Api.Response provisional = api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":false}");
        assertEquals(200, provisional.status(), provisional.toString());
        assertEquals("PROVISIONAL_AWARD", provisional.json().get("phase"));
        assertEquals(200, office.phase(tenderId, "STANDSTILL").status());
        clock.setToday(LocalDate.of(2026, 3, 25));
        Api.Response inStandstill = api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":true}");
        assertEquals(409, inStandstill.status(), inStandstill.toString());
        assertTrue(inStandstill.body().contains("standstill-not-over") && inStandstill.body().contains("2026-03-26"),
                inStandstill.body());

        clock.setToday(LocalDate.of(2026, 3, 26));
        Api.Response definitive = api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":true}");
        assertEquals(200, definitive.status(), definitive.toString());
        assertEquals("DEFINITIVE_AWARD", definitive.json().get("phase"));
        assertEquals(200, office.phase(tenderId, "IMPLEMENTATION").status());

        Api.Response contracts = api.get("/api/v1/contracts?tenderId=" + tenderId, officer);
        List<Object> signed = Json.list(contracts.json().get("content"));
        assertEquals(Set.of(a, b), signed.stream().map(x -> (String) Json.map(Json.map(x).get("terms"))
                .get("providerAgb")).collect(Collectors.toSet()));
        Map<String, Object> consortium = signed.stream().map(x -> Json.map(Json.map(x).get("terms")))
                .filter(t -> b.equals(t.get("providerAgb"))).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("agbCode", b, "role", "LEAD", "shareBasisPoints", 7000),
                Map.of("agbCode", member, "role", "MEMBER", "shareBasisPoints", 3000)), consortium.get("members"));
        assertEquals(List.of("0988", "0946", "1640"), consortium.get("municipalities"));
        assertEquals("2030-06-30", consortium.get("validTo"));
        assertEquals("2034-06-30", consortium.get("maxValidTo"));
        assertEquals(lotId, consortium.get("lotId"));
        assertEquals(tenderId, consortium.get("tenderId"));
        assertEquals(1, Json.list(api.get("/api/v1/contracts", tokens.provider(member)).json().get("content")).size(),
                "a consortium member sees the contract it is party to");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> types = TopicReader.readAll(Infra.kafkaBootstrapServers(), Topics.TENDERS_V1).stream()
                    .filter(m -> tenderId.equals(m.key())).map(m -> (String) Json.map(m.value()).get("type")).toList();
            return types.contains("TenderPublished") && types.stream().filter("BidSubmitted"::equals).count() == 4
                    && types.contains("BidsRanked") && types.stream().filter("TenderAwarded"::equals).count() == 2
                    && types.stream().filter("TenderPhaseChanged"::equals).count() == 9;
        });
        await("two ContractSigned with the lot's products, tariffs, municipalities, period and ceiling")
                .atMost(Duration.ofSeconds(20)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.CONTRACTS_V1).stream().map(m -> Json.map(m.value()))
                .filter(m -> "ContractSigned".equals(m.get("type")))
                .map(m -> Json.map(m.get("terms")))
                .filter(t -> tenderId.equals(t.get("tenderId")))
                .filter(t -> lotId.equals(t.get("lotId")) && "SELECTIVE".equals(t.get("contractForm"))
                        && List.of("0988", "0946", "1640").equals(t.get("municipalities"))
                        && "2026-07-01".equals(t.get("validFrom")) && "2030-06-30".equals(t.get("validTo"))
                        && ((Number) t.get("annualCeilingCents")).longValue() == 120_000_000L
                        && ((Number) t.get("acceptanceDutyDays")).intValue() == 180
                        && Json.list(t.get("products")).size() == 2
                        && ((Number) Json.map(Json.list(Json.map(Json.list(t.get("products")).get(0)).get("tariffs"))
                        .get(0)).get("amountCents")).longValue() == 7850L)
                .count() == 2);
    }

    @Test
    void aConsortiumWhoseLeadDeliversLessThanTheMinimumIsRefused() {
        String tenderId = publishedTender();
        String lotId = lotOf(tenderId);
        String lead = Fixtures.randomAgb();
        Api.Response refused = api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(lead),
                TenderFixtures.consortiumBid(lotId, lead, 6900, Fixtures.randomAgb(), 3100));

        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertTrue(refused.body().contains("lead-share-below-minimum") && refused.body().contains("7000"), refused.body());
        assertTrue(tenders.bids(java.util.UUID.fromString(tenderId)).isEmpty(), "nothing was stored");

        Api.Response badSum = api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(lead),
                TenderFixtures.consortiumBid(lotId, lead, 7000, Fixtures.randomAgb(), 2000));
        assertEquals(422, badSum.status(), badSum.toString());
        assertTrue(badSum.body().contains("shares-do-not-sum-to-whole"), badSum.body());
    }

    @Test
    void outOfOrderActionsAreRefusedWithTheReason() {
        String tenderId = publishedTender();
        String lotId = lotOf(tenderId);

        Api.Response skip = office.phase(tenderId, "SUBMISSION_DEADLINE");
        assertEquals(409, skip.status(), skip.toString());
        assertTrue(skip.body().contains("cannot skip QUESTIONS"), skip.body());
        Api.Response back = office.phase(tenderId, "PREPARATION");
        assertEquals(409, back.status(), back.toString());
        Api.Response direct = office.phase(tenderId, "DEFINITIVE_AWARD");
        assertEquals(409, direct.status(), direct.toString());
        assertTrue(direct.body().contains("/award"), direct.body());
        Api.Response dialogue = office.phase(tenderId, "DIALOGUE");
        assertEquals(409, dialogue.status(), "this tender has no dialogue phase: " + dialogue);
        Api.Response scoring = office.score(tenderId, lotId, java.util.UUID.randomUUID().toString(), "e1", 5, 5);
        assertEquals(409, scoring.status(), scoring.toString());
        Api.Response ranking = api.post("/api/v1/tenders/" + tenderId + "/ranking", officer, "{}");
        assertEquals(409, ranking.status(), ranking.toString());
        Api.Response definitive = api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":true}");
        assertEquals(409, definitive.status(), definitive.toString());
        Api.Response memorandum = api.get("/api/v1/tenders/" + tenderId + "/memorandum", tokens.provider("12345678"));
        assertEquals(409, memorandum.status(), memorandum.toString());
        assertTrue(memorandum.isProblem());
        assertEquals("PUBLICATION", api.get("/api/v1/tenders/" + tenderId, officer).json().get("phase"),
                "nothing moved");
    }

    @Test
    void awardCriteriaWeightsMustSumToHundred() {
        String strategy = office.strategy("SELECTIVE", 3);
        Api.Response refused = api.post("/api/v1/tenders", officer, TenderFixtures.tenderBody(strategy, """
                [{"code":"QUALITY","description":"Plan","weight":60},{"code":"PRICE","description":"Tariff","weight":30}]"""));
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.body().contains("weights-do-not-sum-to-100") && refused.body().contains("90"), refused.body());
    }

    @Test
    void theOfficeOverrulesASelfDeclaredKnockOutAnswerAndTheBidIsNotAwarded() {
        String tenderId = publishedTender();
        String lotId = lotOf(tenderId);
        String honest = Fixtures.randomAgb();
        String overstated = Fixtures.randomAgb();
        String bidHonest = submit(tenderId, honest, TenderFixtures.bid(lotId, honest, true));
        String bidOverstated = submit(tenderId, overstated, TenderFixtures.bid(lotId, overstated, true));
        clock.setToday(LocalDate.of(2026, 3, 2));
        for (String phase : List.of("QUESTIONS", "MEMORANDUM_OF_INFORMATION", "SUBMISSION_DEADLINE", "EVALUATION")) {
            assertEquals(200, office.phase(tenderId, phase).status(), phase);
        }
        assertEquals(200, office.score(tenderId, lotId, bidHonest, "e1", 6, 6).status());
        assertEquals(200, office.score(tenderId, lotId, bidOverstated, "e1", 9, 9).status());

        Api.Response verdict = api.post("/api/v1/tenders/" + tenderId + "/bids/" + bidOverstated + "/selection-verdicts",
                officer, "{\"criterion\":\"QUALITY_REGISTER\",\"passed\":false,\"reason\":\"KR number not in the register\"}");
        assertEquals(200, verdict.status(), verdict.toString());
        assertEquals(false, verdict.json().get("passedSelection"));

        List<Object> ranking = Json.list(Json.map(api.post("/api/v1/tenders/" + tenderId + "/ranking", officer, "{}")
                .jsonList().get(0)).get("ranking"));
        assertEquals(List.of(bidHonest, bidOverstated), ranking.stream().map(r -> Json.map(r).get("bidId")).toList(),
                "a bid that fails selection ranks last, whatever its scores");
        Api.Response provisional = api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":false}");
        assertEquals(List.of(bidHonest), Json.map(Json.list(provisional.json().get("awards")).get(0)).get("bidIds"));
    }

    @Test
    void aDialogueFollowsTheMemorandumOnlyWhenTheTenderWasPreparedWithOne() {
        String strategy = office.strategy("PARTNERSHIP", 3);
        Api.Response created = api.post("/api/v1/tenders", officer, TenderFixtures.tenderBody(strategy,
                TenderFixtures.WEIGHTS_60_40).replace("\"submissionDeadline\"", "\"dialogue\":true,\"submissionDeadline\""));
        assertEquals(201, created.status(), created.toString());
        String tenderId = (String) created.json().get("id");
        for (String phase : List.of("MARKET_CONSULTATION", "PUBLICATION", "QUESTIONS", "MEMORANDUM_OF_INFORMATION",
                "DIALOGUE")) {
            assertEquals(200, office.phase(tenderId, phase).status(), phase);
        }
        Map<String, Object> tender = api.get("/api/v1/tenders/" + tenderId, officer).json();
        assertEquals("DIALOGUE", tender.get("phase"));
        assertEquals(6, Json.list(tender.get("phases")).size(), "every phase entered is kept with its date");
    }

    @Test
    void aRecordedProcedureIsEnteredWithItsHistoricalDatesAndEachLotFollowsItsSegmentsStrategy() {
        clock.setToday(LocalDate.of(2026, 11, 22));
        String round = "REC-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String ambulant = adopt(round, "AMBULANT", "SELECTIVE", 1);
        adopt(round, "RESIDENTIAL_TREATMENT", "PARTNERSHIP", 2);
        Api.Response created = api.post("/api/v1/tenders", officer, """
                {"strategyId":"%s","title":"Jeugdhulp 2026 (recorded)",
                 "lots":[{"name":"Ambulant","segment":"AMBULANT","products":%s},
                         {"name":"Verblijf","segment":"RESIDENTIAL_TREATMENT","products":%s}],
                 "terms":{"municipalities":["0988","0946","1640"],"validFrom":"2026-01-01","initialYears":4,
                          "extensionOptions":[2,2],"noticeMonths":6,"annualCeilingCents":400000000},
                 "submissionDeadline":"2025-06-30",
                 "selectionCriteria":[{"code":"KWALITEITSREGISTER","description":"Quality register"}],
                 "awardCriteria":[{"code":"QUALITY","description":"Quality","weight":100}]}"""
                .formatted(ambulant, Fixtures.products(), Fixtures.products()));
        assertEquals(201, created.status(), created.toString());
        assertEquals(true, created.json().get("recorded"));
        String tenderId = (String) created.json().get("id");
        List<Object> lots = Json.list(created.json().get("lots"));
        String ambulantLot = (String) Json.map(lots.get(0)).get("lotId");
        String residentialLot = (String) Json.map(lots.get(1)).get("lotId");
        assertEquals("PARTNERSHIP", Json.map(lots.get(1)).get("contractForm"));

        assertEquals(200, phaseOn(tenderId, "PUBLICATION", "2025-04-01").status());
        Api.Response future = phaseOn(tenderId, "QUESTIONS", "2026-12-01");
        assertEquals(400, future.status(), "no step in the future: " + future);
        assertEquals(200, phaseOn(tenderId, "QUESTIONS", "2025-04-15").status());
        Api.Response backwards = phaseOn(tenderId, "MEMORANDUM_OF_INFORMATION", "2025-04-10");
        assertEquals(400, backwards.status(), "no step before the previous one: " + backwards);
        assertEquals(200, phaseOn(tenderId, "MEMORANDUM_OF_INFORMATION", "2025-05-15").status());

        List<String> bids = new java.util.ArrayList<>();
        for (String lot : List.of(ambulantLot, ambulantLot, residentialLot, residentialLot, residentialLot)) {
            String agb = Fixtures.randomAgb();
            Api.Response bid = api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(agb), """
                    {"lotId":"%s","leadAgb":"%s","submittedOn":"2025-06-20",
                     "selectionAnswers":[{"criterion":"KWALITEITSREGISTER","passed":true,"evidenceReference":"KR-1"}]}"""
                    .formatted(lot, agb));
            assertEquals(201, bid.status(), bid.toString());
            bids.add((String) bid.json().get("id"));
        }
        assertEquals(200, phaseOn(tenderId, "SUBMISSION_DEADLINE", "2025-07-01").status());
        assertEquals(200, phaseOn(tenderId, "EVALUATION", "2025-07-02").status());
        for (int i = 0; i < bids.size(); i++) {
            String lot = i < 2 ? ambulantLot : residentialLot;
            assertEquals(200, api.post("/api/v1/tenders/" + tenderId + "/lots/" + lot + "/scores", officer,
                    "{\"bidId\":\"" + bids.get(i) + "\",\"scores\":{\"QUALITY\":" + (9 - i % 3) + "}}").status());
        }
        assertEquals(200, api.post("/api/v1/tenders/" + tenderId + "/ranking", officer, "{}").status());
        assertEquals(200, api.post("/api/v1/tenders/" + tenderId + "/award", officer,
                "{\"definitive\":false,\"effectiveDate\":\"2025-09-01\"}").status());
        Api.Response early = api.post("/api/v1/tenders/" + tenderId + "/award", officer,
                "{\"definitive\":true,\"effectiveDate\":\"2025-09-15\"}");
        assertEquals(409, early.status(), "the standstill runs from the provisional award: " + early);
        Api.Response definitive = api.post("/api/v1/tenders/" + tenderId + "/award", officer,
                "{\"definitive\":true,\"effectiveDate\":\"2025-09-25\"}");
        assertEquals(200, definitive.status(), definitive.toString());
        assertEquals(3, Json.list(definitive.json().get("contractIds")).size(), "1 ambulant (SELECTIVE, best 1) + 2 residential");
        assertEquals(200, phaseOn(tenderId, "IMPLEMENTATION", "2025-10-01").status());

        List<Object> contracts = Json.list(api.get("/api/v1/contracts?tenderId=" + tenderId, officer).json().get("content"));
        assertEquals(List.of("PARTNERSHIP", "PARTNERSHIP", "SELECTIVE"), contracts.stream()
                .map(c -> (String) Json.map(Json.map(c).get("terms")).get("contractForm")).sorted().toList());
        List<Object> phases = Json.list(api.get("/api/v1/tenders/" + tenderId, officer).json().get("phases"));
        assertEquals("2025-09-25", Json.map(phases.get(phases.size() - 2)).get("enteredOn"));
    }

    @Test
    void aLiveTenderTakesNoBackdatedBid() {
        String tenderId = publishedTender();
        String agb = Fixtures.randomAgb();
        Api.Response refused = api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(agb),
                TenderFixtures.bid(lotOf(tenderId), agb, true).replace("{\"lotId\"", "{\"submittedOn\":\"2026-01-02\",\"lotId\""));
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.body().contains("recorded procedure"), refused.body());
    }

    private String adopt(String round, String segment, String form, int target) {
        Api.Response adopted = api.post("/api/v1/strategies", officer, """
                {"round":"%s","segment":"%s","supplyRisk":"HIGH","financialImpact":"HIGH","fundingModel":"PXQ",
                 "contractForm":"%s","targetProviders":%d,"goals":[]}""".formatted(round, segment, form, target));
        assertEquals(201, adopted.status(), adopted.toString());
        return (String) adopted.json().get("id");
    }

    private Api.Response phaseOn(String tenderId, String phase, String on) {
        return api.post("/api/v1/tenders/" + tenderId + "/phase", officer,
                "{\"phase\":\"" + phase + "\",\"effectiveDate\":\"" + on + "\"}");
    }

    private String publishedTender() {
        String tenderId = (String) office.tender(office.strategy("SELECTIVE", 2)).get("id");
        assertEquals(200, office.phase(tenderId, "PUBLICATION").status());
        return tenderId;
    }

    private String lotOf(String tenderId) {
        return (String) Json.map(Json.list(api.get("/api/v1/tenders/" + tenderId, officer).json().get("lots")).get(0))
                .get("lotId");
    }

    private String submit(String tenderId, String agb, String body) {
        Api.Response submitted = api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(agb), body);
        assertEquals(201, submitted.status(), submitted.toString());
        return (String) submitted.json().get("id");
    }
}
