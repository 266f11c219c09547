package nl.regioinkoop.access;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RouteSweepContract;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every access-service route against callers without a token, strangers of other tenants and hostile bodies. */
@MicronautTest(transactional = false)
class AccessRouteSweepIT extends RouteSweepContract {
    @Override
    protected String databaseName() {
        return "access";
    }

    @Override
    protected String tokenForHostileInput() {
        return tokens.accessOfficer("0988");
    }

    /**
     * The region's triage vocabulary is configuration, not anyone's data. The worklist page (HTML, so never an
     * "empty answer") opens for any access officer and lists only the officer's own municipality's work:
     * WorklistScreenIT proves another municipality's officer sees none of Weert's.
     */
    @Override
    protected boolean mayRead(Route route, String stranger) {
        return route.path().equals("/api/v1/triage-settings")
                || route.path().startsWith("/toegang") && stranger.startsWith("ACCESS_OFFICER");
    }

    @Override
    protected void seedDataOfSomeTenant() {
        Api api = new Api(server.getURL().toString());
        Api.Response client = api.post("/api/v1/clients", tokens.accessOfficer("0988"),
                "{\"bsn\":\"999900018\",\"name\":\"Sweep Client\",\"birthDate\":\"2014-05-01\",\"municipalityCode\":\"0988\"}");
        if (client.status() != 409) {
            assertEquals(201, client.status(), client.toString());
        }
        Api.Response budget = api.post("/api/v1/budgets", tokens.accessOfficer("0988"),
                "{\"municipalityCode\":\"0988\",\"year\":2026,\"line\":\"AMBULANT\",\"amountCents\":100000}");
        if (budget.status() != 409) {
            assertEquals(201, budget.status(), budget.toString());
        }
    }
}
