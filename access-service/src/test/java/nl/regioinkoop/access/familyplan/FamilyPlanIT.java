package nl.regioinkoop.access.familyplan;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.access.AccessApi;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class FamilyPlanIT extends RealInfrastructure {
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
    @SuppressWarnings("unchecked")
    void aHouseholdHasOnePlanWithGoalsAcrossDomains() {
        String mother = access.registerClient("0988");
        String child = access.registerClient("0988");
        Api.Response created = api.post("/api/v1/family-plans", tokens.accessOfficer("0988"), "{\"household\":\"Gezin De Vries\","
                + "\"clientIds\":[\"" + mother + "\",\"" + child + "\"],\"goals\":[{\"domain\":\"YOUTH\","
                + "\"description\":\"Sanne gaat weer naar school\",\"targetDate\":\"2027-06-30\"},"
                + "{\"domain\":\"DEBT\",\"description\":\"Schuldhulp gestart\"}]}");
        assertEquals(201, created.status(), created.toString());
        String plan = (String) created.json().get("id");
        assertEquals(2, ((List<?>) created.json().get("goals")).size());

        Api.Response goal = api.post("/api/v1/family-plans/" + plan + "/goals", tokens.accessOfficer("0988"),
                "{\"domain\":\"WMO\",\"description\":\"Moeder krijgt begeleiding\"}");
        assertEquals(201, goal.status(), goal.toString());
        Map<String, Object> wmoGoal = ((List<Map<String, Object>>) goal.json().get("goals")).stream()
                .filter(g -> "WMO".equals(g.get("domain"))).findFirst().orElseThrow();
        Api.Response achieved = api.put("/api/v1/family-plans/" + plan + "/goals/" + wmoGoal.get("id"),
                tokens.accessOfficer("0988"), "{\"status\":\"ACHIEVED\"}");
        assertEquals(200, achieved.status(), achieved.toString());

        Api.Response second = api.post("/api/v1/family-plans", tokens.accessOfficer("0988"),
                "{\"household\":\"Nog een plan\",\"clientIds\":[\"" + child + "\"]}");
        assertEquals(409, second.status(), second.toString());
        Api.Response badDomain = api.post("/api/v1/family-plans/" + plan + "/goals", tokens.accessOfficer("0988"),
                "{\"domain\":\"HOBBY\",\"description\":\"x\"}");
        assertEquals(400, badDomain.status(), badDomain.toString());
        assertEquals(403, api.get("/api/v1/family-plans/" + plan, tokens.accessOfficer("0946")).status());
        assertEquals(200, api.get("/api/v1/family-plans/" + plan, tokens.accessOfficer("0988")).status());
    }
}
