package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.e2e.RunningPlatform;
import nl.regioinkoop.e2e.proof.TwoTenants.Side;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No BSN outside access-service: every record on every topic, every value in every other service's database
 * (the fault test's as well, when it ran in this JVM) and every line of every service's log is scanned for nine
 * digits passing the elfproef. The same scan over access-service's own database must find its residents' BSNs,
 * so the scanner is known to see them. And every read of client data is in access-service's audit log.
 * <p>
 * Runs after the other tests of the JVM ({@code @Order} with the class orderer of junit-platform.properties), so
 * that it scans what they left behind; on its own it scans the data of {@link TwoTenants}.
 */
@Order(Integer.MAX_VALUE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyProofIT {
    private RunningPlatform platform;
    private TwoTenants tenants;

    @BeforeAll
    void realData() {
        platform = RunningPlatform.get();
        tenants = TwoTenants.on(platform);
    }

    @Test
    void noBsnOnAnyTopicInAnyOtherDatabaseOrInAnyLog() {
        List<String> databases = new ArrayList<>();
        for (String service : List.of("contracting", "provider", "monitoring")) {
            databases.add(RunningPlatform.database(service));
            if (exists(FaultPlatform.database(service))) {
                databases.add(FaultPlatform.database(service));
            }
        }
        BsnScan scan = Privacy.scan(new Wire(Infra.kafkaBootstrapServers()), databases,
                Path.of("target", "service-logs"), Path.of("target", "fault-logs"));
        BsnScan control = new BsnScan();
        Databases.eachValue(RunningPlatform.database("access"), (column, value) -> control.scan("access", value));
        long controlFound = control.hits;

        scan.read.forEach((source, count) -> System.out.printf("PROOF privacy: %-60s %8d read%n", source, count));
        System.out.printf("PROOF privacy: %d topic records, database values and log lines scanned outside "
                        + "access-service; BSNs found: %d. Control: the same scan finds %d BSNs in access-service's "
                        + "own database%n", scan.total(), scan.hits, controlFound);
        scan.found.forEach(f -> System.out.println("PROOF privacy: FOUND " + f));
        assertTrue(controlFound > 0, "the scanner sees the BSNs where they are kept");
        assertTrue(scan.read.keySet().stream().anyMatch(s -> s.startsWith("topic")), "topics were scanned");
        assertTrue(scan.read.keySet().stream().anyMatch(s -> s.startsWith("log")), "logs were scanned");
        assertEquals(List.of(), scan.found, "no BSN outside access-service");
    }

    /** Each read of client data, by whom, of what, and the audit row it must leave. */
    private record Read(String subject, String action, String objectId, String result) {
    }

    @Test
    void everyReadOfClientDataIsInTheAuditLog() {
        Side w = tenants.weert;
        Side n = tenants.nederweert;
        Tokens tokens = platform.tokens;
        Api access = platform.access;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String officer = "privacy-officer-" + run;
        String analyst = "privacy-analyst-" + run;
        String provider = "privacy-provider-" + run;
        String stranger = "privacy-stranger-" + run;
        String strangerProvider = "privacy-other-provider-" + run;
        String officerToken = tokens.sign(officer, "ACCESS_OFFICER", "municipality", w.municipality());
        String analystToken = tokens.sign(analyst, "MUNICIPALITY_ANALYST", "municipality", w.municipality());
        String providerToken = tokens.sign(provider, "PROVIDER", "agb", w.agb());
        String strangerToken = tokens.sign(stranger, "ACCESS_OFFICER", "municipality", n.municipality());
        String otherProviderToken = tokens.sign(strangerProvider, "PROVIDER", "agb", n.agb());

        List<Read> made = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            read(made, access.get("/api/v1/clients/" + w.client().id(), officerToken), 200,
                    new Read(officer, "READ", w.client().id(), "OK"));
            read(made, access.get("/api/v1/clients?size=5", officerToken), 200, new Read(officer, "LIST", null, "OK"));
            read(made, access.post("/api/v1/clients/search", officerToken, Json.write(Json.object(
                    "bsn", w.client().bsn(), "reason", "privacy proof"))), 200,
                    new Read(officer, "SEARCH_BY_BSN", w.client().id(), "OK"));
            read(made, access.get("/api/v1/referrals/" + w.referralId(), officerToken), 200,
                    new Read(officer, "READ", w.referralId(), "OK"));
            read(made, access.get("/api/v1/allocations/" + w.allocationId(), officerToken), 200,
                    new Read(officer, "READ", w.allocationId(), "OK"));
            read(made, access.get("/api/v1/family-plans/" + w.familyPlanId(), officerToken), 200,
                    new Read(officer, "READ", w.familyPlanId(), "OK"));
            read(made, access.get("/api/v1/referrals/" + w.referralId(), analystToken), 200,
                    new Read(analyst, "READ", w.referralId(), "OK"));
            read(made, access.get("/api/v1/allocations?size=5", analystToken), 200,
                    new Read(analyst, "LIST", null, "OK"));
            read(made, access.get("/api/v1/allocations/" + w.allocationId() + "/client", providerToken), 200,
                    new Read(provider, "READ_CLIENT_IDENTITY", w.allocationId(), "OK"));
            // refused reads are on record too
            read(made, access.get("/api/v1/clients/" + w.client().id(), strangerToken), 403,
                    new Read(stranger, "READ", w.client().id(), "DENIED"));
            read(made, access.get("/api/v1/allocations/" + w.allocationId(), strangerToken), 403,
                    new Read(stranger, "READ", w.allocationId(), "DENIED"));
            read(made, access.get("/api/v1/allocations/" + w.allocationId() + "/client", otherProviderToken), 404,
                    new Read(strangerProvider, "READ_CLIENT_IDENTITY", w.allocationId(), "DENIED"));
        }

        List<Read> audited = auditRows(List.of(officer, analyst, provider, stranger, strangerProvider));
        Map<String, Long> perAction = new TreeMap<>();
        made.forEach(r -> perAction.merge(r.action() + "/" + r.result(), 1L, Long::sum));
        System.out.printf("PROOF privacy: %d reads of client data made (%s), audit rows for them: %d%n",
                made.size(), perAction, audited.size());
        assertEquals(sorted(made), sorted(audited), "every read of client data has its audit row, and no more");
    }

    private static void read(List<Read> made, Api.Response response, int status, Read expected) {
        assertEquals(status, response.status(), expected + ": " + response);
        made.add(expected);
    }

    private static List<String> sorted(List<Read> reads) {
        // a search names the client found; a list names none
        return reads.stream().map(r -> r.subject() + " " + r.action() + " " + r.objectId() + " " + r.result())
                .sorted().toList();
    }

    private static List<Read> auditRows(List<String> subjects) {
        List<Read> rows = new ArrayList<>();
        try (Connection c = Databases.open(RunningPlatform.database("access"));
             PreparedStatement st = c.prepareStatement("select subject, action, object_id, result from audit_log "
                     + "where subject = any(?)")) {
            st.setArray(1, c.createArrayOf("varchar", subjects.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Read(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
        return rows;
    }

    private static boolean exists(String database) {
        return Databases.count("postgres", "select count(*) from pg_database where datname = '" + database + "'") > 0;
    }
}
