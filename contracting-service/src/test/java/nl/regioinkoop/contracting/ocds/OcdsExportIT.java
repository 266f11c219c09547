package nl.regioinkoop.contracting.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.contracting.Json;
import nl.regioinkoop.contracting.TenderFixtures;
import nl.regioinkoop.contracting.TestClock;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@MicronautTest(transactional = false)
class OcdsExportIT extends RealInfrastructure {
    private static final String SCHEMA_BASE = "https://standard.open-contracting.org/schema/1__1__5/";

    @Inject
    EmbeddedServer server;
    @Inject
    TestClock clock;
    Api api;

    @Override
    protected String databaseName() {
        return "contracting";
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
    }

    /** The official schemas live outside the repository: /work/shared, i.e. ../../shared from this module. */
    static Path schemaDirectory() {
        Path module = Path.of(System.getProperty("user.dir"));
        return Stream.of(System.getenv("OCDS_SCHEMA_DIR"), "../../shared/ocds-1.1.5", "../shared/ocds-1.1.5")
                .filter(p -> p != null && !p.isBlank())
                .map(p -> module.resolve(p).normalize())
                .filter(p -> Files.isRegularFile(p.resolve("release-package-schema.json"))
                        && Files.isRegularFile(p.resolve("release-schema.json")))
                .findFirst()
                .orElseGet(() -> fail("The OCDS 1.1.5 schemas were not found: expected release-package-schema.json and "
                        + "release-schema.json in " + module.resolve("../../shared/ocds-1.1.5").normalize()
                        + " (or set OCDS_SCHEMA_DIR)"));
    }

    @Test
    void exportsATenderWithItsAwardsAndContractsAsAValidOcdsReleasePackage() throws Exception {
        String tenderId = new TenderFixtures(api, tokens).definitivelyAwardedTender(clock, tokens);

        Api.Response export = api.get("/api/v1/tenders/" + tenderId + "/ocds", tokens.regionAnalyst("MLW"));

        assertEquals(200, export.status(), export.toString());
        Path schemas = schemaDirectory();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, schemas.toUri().toString())));
        JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_BASE + "release-package-schema.json"));
        JsonNode document = new ObjectMapper().readTree(export.body());
        Set<ValidationMessage> errors = schema.validate(document);
        assertTrue(errors.isEmpty(), "OCDS violations: " + errors + "\n" + export.body());

        Map<String, Object> release = Json.map(Json.list(export.json().get("releases")).get(0));
        assertEquals("ocds-regio-" + tenderId, release.get("ocid"));
        assertEquals(List.of("tender", "award", "contract"), release.get("tag"));
        List<Object> awards = Json.list(release.get("awards"));
        assertEquals(1, awards.size());
        assertEquals("active", Json.map(awards.get(0)).get("status"));
        assertEquals(2, Json.list(Json.map(awards.get(0)).get("suppliers")).size());
        List<Object> contracts = Json.list(release.get("contracts"));
        assertEquals(2, contracts.size());
        assertEquals(Json.map(awards.get(0)).get("id"), Json.map(contracts.get(0)).get("awardID"));
        assertEquals(3, ((Number) Json.map(release.get("tender")).get("numberOfTenderers")).intValue());
    }

    @Test
    void schemaViolationsAreReported() {
        Path schemas = schemaDirectory();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, schemas.toUri().toString())));
        JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_BASE + "release-package-schema.json"));
        Set<ValidationMessage> errors = schema.validate("""
                {"uri":"https://x.example/p","version":"1.1","publishedDate":"2026-01-01T00:00:00Z",
                 "publisher":{"name":"x"},"releases":[{"ocid":"ocds-regio-1","id":"1","date":"2026-01-01T00:00:00Z",
                 "tag":["nonsense"],"initiationType":"tender"}]}""", com.networknt.schema.InputFormat.JSON);
        assertTrue(!errors.isEmpty(), "the validator really checks the release schema");
    }
}
