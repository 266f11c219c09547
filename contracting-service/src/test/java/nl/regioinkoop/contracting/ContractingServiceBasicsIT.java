package nl.regioinkoop.contracting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.regioinkoop.testkit.ServiceBasicsContract;

@MicronautTest(transactional = false)
class ContractingServiceBasicsIT extends ServiceBasicsContract {
    @Override
    protected String databaseName() {
        return "contracting";
    }

    @Override
    protected String openApiDocument() {
        return "contracting-service-1.yml";
    }
}
