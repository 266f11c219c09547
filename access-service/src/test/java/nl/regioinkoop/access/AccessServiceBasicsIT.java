package nl.regioinkoop.access;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.regioinkoop.testkit.ServiceBasicsContract;

@MicronautTest(transactional = false)
class AccessServiceBasicsIT extends ServiceBasicsContract {
    @Override
    protected String databaseName() {
        return "access";
    }

    @Override
    protected String openApiDocument() {
        return "access-service-1.yml";
    }
}
