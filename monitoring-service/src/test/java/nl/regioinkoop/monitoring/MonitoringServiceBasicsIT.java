package nl.regioinkoop.monitoring;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.regioinkoop.testkit.ServiceBasicsContract;

@MicronautTest(transactional = false)
class MonitoringServiceBasicsIT extends ServiceBasicsContract {
    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Override
    protected String openApiDocument() {
        return "monitoring-service-1.yml";
    }
}
