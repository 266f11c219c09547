package nl.regioinkoop.access.referral;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.access.AccessApi;
import nl.regioinkoop.access.Fixtures;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ReferralIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    Api api;
    AccessApi access;

    @Override
    protected String databaseName() {
        return "access";
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
        access = new AccessApi(api, tokens);
    }

    @Test
    void registeringAReferralPublishesItWithThePseudonymAndNeverTheBsn() {
        String bsn = Fixtures.testBsn();
        Api.Response client = api.post("/api/v1/clients", tokens.accessOfficer("0988"), Fixtures.registerClientJson(bsn, "0988"));
        String pseudonym = (String) client.json().get("pseudonym");
        String referral = access.registerReferral("0988", (String) client.json().get("id"));

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.REFERRALS_V1).stream().anyMatch(m -> "ReferralRegistered".equals(m.type())
                && m.key().equals(referral) && m.value().contains(pseudonym) && m.value().contains("\"referrerType\":\"02\"")));
        assertTrue(TopicReader.readAll(Infra.kafkaBootstrapServers(), Topics.REFERRALS_V1).stream()
                .noneMatch(m -> m.value().contains(bsn)), "the BSN never reaches Kafka");
    }

    @Test
    void triagesEachResidentWithTheVocabularyOfTheRegionItsMunicipalityBelongsTo() {
        String roosendaal = access.registerReferral("1674", access.registerClient("1674"));
        Api.Response arrangement = api.put("/api/v1/referrals/" + roosendaal + "/triage", tokens.accessOfficer("1674"),
                "{\"segment\":\"FOSTER_CARE\",\"profile\":\"CP7\",\"intensity\":2,\"outcome\":\"SPECIALIST_CARE\"}");
        assertEquals(200, arrangement.status(), arrangement.toString());
        Api.Response otherRegionsSegment = api.put("/api/v1/referrals/" + roosendaal + "/triage",
                tokens.accessOfficer("1674"), "{\"segment\":\"AMBULANT\",\"outcome\":\"NORMALISED\"}");
        assertEquals(400, otherRegionsSegment.status(), otherRegionsSegment.toString());
        assertTrue(otherRegionsSegment.body().contains("region WBW"), otherRegionsSegment.body());

        String weert = access.registerReferral("0988", access.registerClient("0988"));
        Api.Response notMlw = api.put("/api/v1/referrals/" + weert + "/triage", tokens.accessOfficer("0988"),
                "{\"segment\":\"FOSTER_CARE\",\"profile\":\"CP7\",\"intensity\":2,\"outcome\":\"SPECIALIST_CARE\"}");
        assertEquals(400, notMlw.status(), notMlw.toString());

        Map<String, Object> settings = api.get("/api/v1/triage-settings", tokens.accessOfficer("1674")).json();
        assertEquals("WBW", settings.get("region"));
        assertEquals(9, ((List<?>) settings.get("profiles")).size());
        assertEquals("MLW", api.get("/api/v1/triage-settings", tokens.municipalityAnalyst("0988")).json().get("region"));
    }

    @Test
    void refusesAnUnknownReferrerTypeWithProblemJson() {
        String client = access.registerClient("0988");
        Api.Response refused = api.post("/api/v1/referrals", tokens.accessOfficer("0988"), "{\"clientId\":\"" + client
                + "\",\"referrerType\":\"07\",\"referrerName\":\"X\",\"referralDate\":\"2026-01-05\",\"question\":\"Q\"}");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertTrue(refused.body().contains("COD327"), refused.body());
    }

    @Test
    void triageRecordsSegmentProfileIntensityAndOutcomeAndPublishesIt() {
        String referral = access.registerReferral("0988", access.registerClient("0988"));
        Api.Response unknownSegment = api.put("/api/v1/referrals/" + referral + "/triage", tokens.accessOfficer("0988"),
                "{\"segment\":\"BAKERY\",\"outcome\":\"NORMALISED\"}");
        assertEquals(400, unknownSegment.status(), unknownSegment.toString());
        Api.Response noProfile = api.put("/api/v1/referrals/" + referral + "/triage", tokens.accessOfficer("0988"),
                "{\"segment\":\"AMBULANT\",\"outcome\":\"SPECIALIST_CARE\"}");
        assertEquals(400, noProfile.status(), noProfile.toString());
        Api.Response tooIntense = api.put("/api/v1/referrals/" + referral + "/triage", tokens.accessOfficer("0988"),
                "{\"segment\":\"AMBULANT\",\"profile\":\"P3\",\"intensity\":8,\"outcome\":\"SPECIALIST_CARE\"}");
        assertEquals(400, tooIntense.status(), tooIntense.toString());

        access.triageSpecialist("0988", referral, "P3", 4);
        Map<String, Object> triaged = api.get("/api/v1/referrals/" + referral, tokens.municipalityAnalyst("0988")).json();
        assertEquals("SPECIALIST_CARE", triaged.get("outcome"));
        assertEquals(4, ((Number) triaged.get("intensity")).intValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.REFERRALS_V1).stream().anyMatch(m -> "ReferralTriaged".equals(m.type()) && m.key().equals(referral)
                && m.value().contains("\"profile\":\"P3\"")));
    }

    @Test
    void aProvidersRequestIsDueInFiveWorkingDaysAndListedOverdueUntilAnswered() {
        String client = access.registerClient("0988");
        String request = access.registerRequest("0988", client, "11112222", "2026-01-09");
        Map<String, Object> registered = api.get("/api/v1/referrals/" + request, tokens.accessOfficer("0988")).json();
        assertEquals("2026-01-16", registered.get("answerDeadline"));
        assertTrue(overdue("0988").contains(request));
        assertFalse(overdue("0946").contains(request), "another municipality does not see it");

        Api.Response badReason = api.post("/api/v1/allocation-requests/" + request + "/rejection",
                tokens.accessOfficer("0988"), "{\"reasonCode\":\"10\"}");
        assertEquals(400, badReason.status(), badReason.toString());
        Api.Response rejected = api.post("/api/v1/allocation-requests/" + request + "/rejection",
                tokens.accessOfficer("0988"), "{\"reasonCode\":\"3\",\"reason\":\"geen contract voor dit product\"}");
        assertEquals(200, rejected.status(), rejected.toString());
        assertEquals("REJECTED", rejected.json().get("answer"));
        assertFalse(overdue("0988").contains(request));
        Api.Response again = api.post("/api/v1/allocation-requests/" + request + "/rejection",
                tokens.accessOfficer("0988"), "{\"reasonCode\":\"3\"}");
        assertEquals(409, again.status(), again.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.ALLOCATIONS_V1).stream().anyMatch(m -> "AllocationRequestRejected".equals(m.type())
                && m.key().equals(request) && m.value().contains("\"reasonCode\":\"3\"")));
    }

    @Test
    void anOfficerOfWeertNeitherSeesNorTriagesNederweertsReferrals() {
        String referral = access.registerReferral("0946", access.registerClient("0946"));
        Api.Response read = api.get("/api/v1/referrals/" + referral, tokens.accessOfficer("0988"));
        assertEquals(403, read.status(), read.toString());
        assertFalse(read.body().contains("Angst"));
        Api.Response triage = api.put("/api/v1/referrals/" + referral + "/triage", tokens.accessOfficer("0988"),
                "{\"segment\":\"AMBULANT\",\"outcome\":\"NORMALISED\"}");
        assertEquals(403, triage.status(), triage.toString());
        Api.Response analystWrites = api.put("/api/v1/referrals/" + referral + "/triage", tokens.municipalityAnalyst("0946"),
                "{\"segment\":\"AMBULANT\",\"outcome\":\"NORMALISED\"}");
        assertEquals(403, analystWrites.status(), "analysts only read");
        assertFalse(api.get("/api/v1/referrals?size=200", tokens.accessOfficer("0988")).body().contains(referral));
    }

    /**
     * Registration and triage each write in one statement that matches the caller's municipality; a refusal still
     * names the unknown or foreign client or referral before any fault in the body, and changes nothing.
     */
    @Test
    void aRefusedRegistrationOrTriageAnswersForTheClientOrReferralFirstAndChangesNothing() {
        String nederweertClient = access.registerClient("0946");
        String badReferrer = "\",\"referrerType\":\"07\",\"referrerName\":\"X\",\"referralDate\":\"2026-01-05\","
                + "\"question\":\"Q\",\"crisis\":false}";
        String goodReferrer = badReferrer.replace("\"07\"", "\"02\"");
        Api.Response foreignClient = api.post("/api/v1/referrals", tokens.accessOfficer("0988"),
                "{\"clientId\":\"" + nederweertClient + goodReferrer);
        assertEquals(403, foreignClient.status(), foreignClient.toString());
        Api.Response foreignClientBadBody = api.post("/api/v1/referrals", tokens.accessOfficer("0988"),
                "{\"clientId\":\"" + nederweertClient + badReferrer);
        assertEquals(403, foreignClientBadBody.status(), foreignClientBadBody.toString());
        Api.Response unknownClient = api.post("/api/v1/referrals", tokens.accessOfficer("0988"),
                "{\"clientId\":\"" + UUID.randomUUID() + badReferrer);
        assertEquals(400, unknownClient.status(), unknownClient.toString());
        assertTrue(unknownClient.body().contains("clientId"), unknownClient.body());
        Api.Response nederweertsOwn = api.get("/api/v1/referrals?size=500", tokens.accessOfficer("0946"));
        assertFalse(nederweertsOwn.body().contains("\"question\":\"Q\""), "nothing was registered");

        String referral = access.registerReferral("0946", nederweertClient);
        String badSegment = "{\"segment\":\"NO_SUCH_SEGMENT\",\"outcome\":\"NORMALISED\"}";
        Api.Response foreignReferral = api.put("/api/v1/referrals/" + referral + "/triage", tokens.accessOfficer("0988"),
                badSegment);
        assertEquals(403, foreignReferral.status(), foreignReferral.toString());
        Api.Response unknownReferral = api.put("/api/v1/referrals/" + UUID.randomUUID() + "/triage",
                tokens.accessOfficer("0988"), badSegment);
        assertEquals(404, unknownReferral.status(), unknownReferral.toString());
        assertTrue(unknownReferral.isProblem());
        Api.Response untouched = api.get("/api/v1/referrals/" + referral, tokens.accessOfficer("0946"));
        assertEquals(200, untouched.status(), untouched.toString());
        assertEquals(null, untouched.json().get("outcome"), "the foreign officer's triage changed nothing");
        Api.Response own = api.put("/api/v1/referrals/" + referral + "/triage", tokens.accessOfficer("0946"),
                "{\"segment\":\"AMBULANT\",\"profile\":\"P3\",\"intensity\":4,\"outcome\":\"SPECIALIST_CARE\"}");
        assertEquals(200, own.status(), own.toString());
        assertEquals(nederweertClient, own.json().get("clientId"));
        assertEquals("0946", own.json().get("municipalityCode"));
        assertEquals(4, ((Number) own.json().get("intensity")).intValue());
        assertEquals("SPECIALIST_CARE", own.json().get("outcome"));
        assertEquals("Angstklachten, vastgelopen op school", own.json().get("question"), "the rest of the referral stays");
    }

    @SuppressWarnings("unchecked")
    private List<String> overdue(String municipality) {
        Api.Response page = api.get("/api/v1/allocation-requests/overdue?size=500", tokens.accessOfficer(municipality));
        assertEquals(200, page.status(), page.toString());
        return ((List<Map<String, Object>>) page.json().get("content")).stream().map(m -> (String) m.get("id")).toList();
    }
}
