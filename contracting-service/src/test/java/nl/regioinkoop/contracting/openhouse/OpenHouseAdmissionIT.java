package nl.regioinkoop.contracting.openhouse;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.contracting.Fixtures;
import nl.regioinkoop.contracting.Json;
import nl.regioinkoop.contracting.TenderFixtures;
import nl.regioinkoop.contracting.TestClock;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OpenHouseAdmissionIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    TestClock clock;
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

    private String[] publishedOpenHouse() {
        Api.Response created = api.post("/api/v1/tenders", officer,
                TenderFixtures.tenderBody(office.strategy("OPEN_HOUSE", null), "[]"));
        assertEquals(201, created.status(), created.toString());
        String id = (String) created.json().get("id");
        String lotId = (String) Json.map(Json.list(created.json().get("lots")).get(0)).get("lotId");
        assertEquals(200, office.phase(id, "PUBLICATION").status());
        return new String[]{id, lotId};
    }

    @Test
    void aProviderMeetingTheRequirementsIsAdmittedDuringTheTermAndEndsWithTheOthers() {
        String[] openHouse = publishedOpenHouse();
        clock.setToday(LocalDate.of(2027, 2, 1));
        String agb = Fixtures.randomAgb();

        Api.Response admitted = api.post("/api/v1/open-house/" + openHouse[0] + "/admissions", tokens.provider(agb),
                TenderFixtures.bid(openHouse[1], agb, true));

        assertEquals(201, admitted.status(), admitted.toString());
        Map<String, Object> terms = Json.map(Json.map(admitted.json().get("contract")).get("terms"));
        assertEquals(agb, terms.get("providerAgb"));
        assertEquals("OPEN_HOUSE", terms.get("contractForm"));
        assertEquals("2027-02-01", terms.get("validFrom"), "admitted from today");
        assertEquals("2030-06-30", terms.get("validTo"), "ends with the term everyone shares");
        assertEquals(List.of("0988", "0946", "1640"), terms.get("municipalities"));
        assertEquals(201, admitted.status());
        Api.Response twice = api.post("/api/v1/open-house/" + openHouse[0] + "/admissions", tokens.provider(agb),
                TenderFixtures.bid(openHouse[1], agb, true));
        assertEquals(409, twice.status(), twice.toString());
        assertEquals(1, Json.list(api.get("/api/v1/open-house/" + openHouse[0] + "/admissions", tokens.provider(agb))
                .json().get("content")).size());
    }

    @Test
    void aProviderThatFailsAKnockOutCriterionIsRefusedAndNothingIsStored() {
        String[] openHouse = publishedOpenHouse();
        String agb = Fixtures.randomAgb();

        Api.Response refused = api.post("/api/v1/open-house/" + openHouse[0] + "/admissions", tokens.provider(agb),
                TenderFixtures.bid(openHouse[1], agb, false));

        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.body().contains("selection-not-met") && refused.body().contains("QUALITY_REGISTER"),
                refused.body());
        assertTrue(Json.list(api.get("/api/v1/open-house/" + openHouse[0] + "/admissions", officer).json().get("content"))
                .isEmpty());
        assertEquals(0, Json.list(api.get("/api/v1/contracts", tokens.provider(agb)).json().get("content")).size());
    }

    @Test
    void aSelectiveTenderAdmitsNobodyOutsideItsProcedure() {
        String tenderId = (String) office.tender(office.strategy("SELECTIVE", 2)).get("id");
        assertEquals(200, office.phase(tenderId, "PUBLICATION").status());
        String lotId = (String) Json.map(Json.list(api.get("/api/v1/tenders/" + tenderId, officer).json().get("lots"))
                .get(0)).get("lotId");
        String agb = Fixtures.randomAgb();
        Api.Response refused = api.post("/api/v1/open-house/" + tenderId + "/admissions", tokens.provider(agb),
                TenderFixtures.bid(lotId, agb, true));
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.body().contains("not-an-open-house"), refused.body());
    }

    @Test
    void theFirstRoundOfAnOpenHouseAwardsEveryBidderThatPasses() {
        String[] openHouse = publishedOpenHouse();
        String tenderId = openHouse[0];
        List<String> passing = List.of(Fixtures.randomAgb(), Fixtures.randomAgb(), Fixtures.randomAgb());
        for (String agb : passing) {
            assertEquals(201, api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(agb),
                    TenderFixtures.bid(openHouse[1], agb, true)).status());
        }
        String failing = Fixtures.randomAgb();
        assertEquals(201, api.post("/api/v1/tenders/" + tenderId + "/bids", tokens.provider(failing),
                TenderFixtures.bid(openHouse[1], failing, false)).status());
        clock.setToday(LocalDate.of(2026, 3, 2));
        for (String phase : List.of("QUESTIONS", "MEMORANDUM_OF_INFORMATION", "SUBMISSION_DEADLINE", "EVALUATION")) {
            assertEquals(200, office.phase(tenderId, phase).status(), phase);
        }
        assertEquals(200, api.post("/api/v1/tenders/" + tenderId + "/ranking", officer, "{}").status());
        Api.Response provisional = api.post("/api/v1/tenders/" + tenderId + "/award", officer, "{\"definitive\":false}");
        assertEquals(200, provisional.status(), provisional.toString());
        List<Object> awarded = Json.list(Json.map(Json.list(provisional.json().get("awards")).get(0)).get("bidIds"));
        assertEquals(3, awarded.size(), "every bidder that passes, not a best N");
    }
}
