package nl.regioinkoop.provider;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RouteSweepContract;

@MicronautTest(transactional = false)
class ProviderRouteSweepIT extends RouteSweepContract {
    @Override
    protected String databaseName() {
        return "provider";
    }

    @Override
    protected String tokenForHostileInput() {
        return tokens.procurementOfficer("MLW");
    }

    /** The registry and its qualifications are known to every role of the region, by design. */
    @Override
    protected boolean mayRead(Route route, String stranger) {
        return route.method().name().equals("GET") && route.path().startsWith("/api/v1/providers");
    }

    @Override
    protected void seedDataOfSomeTenant() {
        new Api(server.getURL().toString()).post("/api/v1/providers", tokens.procurementOfficer("MLW"),
                "{\"agbCode\":\"55667788\",\"kvkNumber\":\"12345678\",\"name\":\"Zorg Zuid\",\"kind\":\"YOUTH_CARE\"}");
    }
}
