package nl.regioinkoop.provider;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.regioinkoop.testkit.ServiceBasicsContract;

@MicronautTest(transactional = false)
class ProviderServiceBasicsIT extends ServiceBasicsContract {
    @Override
    protected String databaseName() {
        return "provider";
    }

    @Override
    protected String openApiDocument() {
        return "provider-service-1.yml";
    }
}
