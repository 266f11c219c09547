package nl.regioinkoop.access.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.kit.retention.RetentionJob;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;

import static nl.regioinkoop.access.Fixtures.invalidBsn;
import static nl.regioinkoop.access.Fixtures.registerClientJson;
import static nl.regioinkoop.access.Fixtures.testBsn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ClientRegistrationIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    Clients clients;
    @Inject
    JdbcOperations jdbc;
    @Inject
    RetentionJob retention;
    Api api;

    @Override
    protected String databaseName() {
        return "access";
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
    }

    @Test
    void registersAResidentWithAStablePseudonymAndFindsHimByBsn() {
        String bsn = testBsn();
        Api.Response created = api.post("/api/v1/clients", tokens.accessOfficer("0988"), registerClientJson(bsn, "0988"));
        assertEquals(201, created.status(), created.toString());
        String id = (String) created.json().get("id");
        String pseudonym = (String) created.json().get("pseudonym");
        assertEquals(64, pseudonym.length());
        assertFalse(pseudonym.contains(bsn));

        Api.Response found = api.post("/api/v1/clients/search", tokens.accessOfficer("0988"),
                "{\"bsn\":\"" + bsn + "\",\"reason\":\"intake call\"}");
        assertEquals(200, found.status(), found.toString());
        assertEquals(id, found.json().get("id"));
        assertEquals(pseudonym, found.json().get("pseudonym"));
        assertEquals(1L, count("select count(*) from audit_log where object_id = '" + id
                + "' and action = 'SEARCH_BY_BSN' and reason = 'intake call' and result = 'OK' and tenant = '0988'"));
    }

    @Test
    void anInvalidBsnIsRefusedWithProblemJsonAndNothingIsStored() {
        long before = clients.count();
        Api.Response refused = api.post("/api/v1/clients", tokens.accessOfficer("0988"),
                registerClientJson(invalidBsn(), "0988"));
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.toString());
        assertTrue(refused.body().contains("elfproef"), refused.body());
        assertEquals(before, clients.count());
        Api.Response tooShort = api.post("/api/v1/clients", tokens.accessOfficer("0988"), registerClientJson("12345", "0988"));
        assertEquals(400, tooShort.status(), tooShort.toString());
        assertEquals(before, clients.count());
    }

    @Test
    void theSameResidentTwiceInOneMunicipalityConflicts() {
        String bsn = testBsn();
        assertEquals(201, api.post("/api/v1/clients", tokens.accessOfficer("0988"), registerClientJson(bsn, "0988")).status());
        Api.Response again = api.post("/api/v1/clients", tokens.accessOfficer("0988"), registerClientJson(bsn, "0988"));
        assertEquals(409, again.status(), again.toString());
        assertTrue(again.isProblem());
    }

    @Test
    void anOfficerOfWeertNeitherSeesNorRegistersNederweertsClients() {
        String bsn = testBsn();
        Api.Response created = api.post("/api/v1/clients", tokens.accessOfficer("0946"), registerClientJson(bsn, "0946"));
        String id = (String) created.json().get("id");

        Api.Response read = api.get("/api/v1/clients/" + id, tokens.accessOfficer("0988"));
        assertEquals(403, read.status(), read.toString());
        assertFalse(read.body().contains(bsn));
        assertFalse(read.body().contains("Sanne"));
        Api.Response search = api.post("/api/v1/clients/search", tokens.accessOfficer("0988"), "{\"bsn\":\"" + bsn + "\"}");
        assertEquals(404, search.status(), search.toString());
        Api.Response register = api.post("/api/v1/clients", tokens.accessOfficer("0988"), registerClientJson(testBsn(), "0946"));
        assertEquals(403, register.status(), register.toString());
        Api.Response list = api.get("/api/v1/clients?size=100", tokens.accessOfficer("0988"));
        assertFalse(list.body().contains(id), "lists only Weert's clients");
        assertEquals(1L, count("select count(*) from audit_log where object_id = '" + id
                + "' and result = 'DENIED' and tenant = '0988'"));
    }

    @Test
    void analystsAndProvidersDoNotReadClients() {
        assertEquals(403, api.get("/api/v1/clients", tokens.municipalityAnalyst("0988")).status());
        assertEquals(403, api.get("/api/v1/clients", tokens.provider("12345678")).status());
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() {
        api.get("/api/v1/clients", tokens.accessOfficer("0988"));
        assertThrows(RuntimeException.class, () -> jdbc.execute(c -> c.createStatement().executeUpdate("delete from audit_log")));
        assertThrows(RuntimeException.class, () -> jdbc.execute(c -> c.createStatement().executeUpdate("update audit_log set reason = 'x'")));
        assertNotEquals(0L, count("select count(*) from audit_log"));
    }

    @Test
    void onlyAuditRowsPastTheirRetentionArePurgedAndOnlyByThePurge() {
        String old = "retention-" + java.util.UUID.randomUUID();
        String young = "retention-" + java.util.UUID.randomUUID();
        jdbc.execute(c -> c.createStatement().executeUpdate("insert into audit_log (at, subject, roles, object_type, "
                + "object_id, action, result) values (now() - interval '6 years', 's', 'r', 'CLIENT', '" + old
                + "', 'READ', 'OK'), (now() - interval '4 years', 's', 'r', 'CLIENT', '" + young + "', 'READ', 'OK')"));
        // a delete of old rows outside the purge, or a purge that would keep less than a year, is refused
        assertThrows(RuntimeException.class, () -> jdbc.execute(c -> c.createStatement()
                .executeUpdate("delete from audit_log where object_id = '" + old + "'")));
        assertThrows(RuntimeException.class, () -> jdbc.execute(c -> c.createStatement()
                .executeQuery("select purge_audit_log(interval '30 days')")));
        assertEquals(1L, count("select count(*) from audit_log where object_id = '" + old + "'"));

        java.util.Map<String, Long> purged = retention.purgeAll(); // regio.retention.audit-log: five years

        assertEquals(1L, purged.get("audit_log"), purged.toString());
        assertEquals(0L, count("select count(*) from audit_log where object_id = '" + old + "'"));
        assertEquals(1L, count("select count(*) from audit_log where object_id = '" + young + "'"));
    }

    private long count(String sql) {
        return jdbc.execute(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
