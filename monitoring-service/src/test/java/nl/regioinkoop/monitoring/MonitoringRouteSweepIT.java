package nl.regioinkoop.monitoring;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RouteSweepContract;

import java.util.ArrayList;
import java.util.List;

@MicronautTest(transactional = false)
class MonitoringRouteSweepIT extends RouteSweepContract {
    @Inject
    EventJson json;

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Override
    protected String tokenForHostileInput() {
        return tokens.regionAnalyst("MLW");
    }

    /** The dashboard's page and its chart library are static and anonymous; the data behind them is not. */
    @Override
    protected List<String> publicPaths() {
        List<String> paths = new ArrayList<>(super.publicPaths());
        paths.add("/dashboard");
        paths.add("/webjars");
        return paths;
    }

    /** A provider may ask who it is (the dashboard does, to show its own scorecard); it learns nothing else. */
    @Override
    protected boolean mayRead(Route route, String stranger) {
        return route.path().equals("/api/v1/dimensions") && stranger.startsWith("PROVIDER");
    }

    @Override
    protected void seedDataOfSomeTenant() {
        new RegionScenario(2034, "4444").publish(Infra.kafkaBootstrapServers(), json);
        ConsumerLag.awaitConsumed(Infra.kafkaBootstrapServers(), RegionScenario.TOPIC_BY_GROUP);
    }
}
