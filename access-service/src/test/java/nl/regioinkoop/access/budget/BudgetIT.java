package nl.regioinkoop.access.budget;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.access.AccessApi;
import nl.regioinkoop.access.Contracts;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nl.regioinkoop.access.AccessApi.allocationJson;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class BudgetIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    @Inject
    JdbcOperations jdbc;
    Api api;
    AccessApi access;
    Contracts contracts;

    @Override
    protected String databaseName() {
        return "access";
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURL().toString());
        access = new AccessApi(api, tokens);
        contracts = new Contracts(json);
    }

    @Test
    void fiftyConcurrentAllocationsAgainstABudgetForTenIssueExactlyTen() throws Exception {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxqIn("CRISIS", agb, product, 10_000, "1640");
        String line = access.budget("1640", 2026, "CRISIS", 10 * 10_000L);
        String referral = access.triagedReferralIn("CRISIS", "1640");
        access.awaitEligible("1640", referral, product, agb, "2026-03-02");
        String body = allocationJson(referral, agb, product, 1, "04", "6", "2026-03-02", "2026-05-31");

        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> api.post("/api/v1/allocations", tokens.accessOfficer("1640"), body));
            }
            answers.addAll(pool.invokeAll(calls));
        } finally {
            pool.shutdown();
        }
        int issued = 0;
        int exceeded = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response r = answer.get();
            if (r.status() == 201) {
                issued++;
            } else {
                assertEquals(422, r.status(), r.toString());
                assertEquals("https://regio-inkoop.nl/problems/budget-exceeded", r.json().get("type"));
                assertEquals(0L, ((Number) r.json().get("remainingCents")).longValue());
                assertTrue(((String) r.json().get("detail")).contains("EUR 0.00 remaining"), r.body());
                exceeded++;
            }
        }
        assertEquals(10, issued);
        assertEquals(40, exceeded);
        Map<String, Object> budget = api.get("/api/v1/budgets/" + line, tokens.municipalityAnalyst("1640")).json();
        assertEquals(100_000L, ((Number) budget.get("committedCents")).longValue());
        assertEquals(100_000L, count("select coalesce(sum(committed_cents), 0) from allocation where budget_line_id = '" + line + "'"));
        assertEquals(10L, count("select count(*) from allocation where budget_line_id = '" + line + "'"));
    }

    @Test
    void exceedingTheBudgetNeedsTheOverrideRoleAndAReasonAndIsSignalled() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxqIn("HOUSING", agb, product, 10_000, "1640");
        String line = access.budget("1640", 2027, "HOUSING", 25_000L);
        String referral = access.triagedReferralIn("HOUSING", "1640");
        access.awaitEligible("1640", referral, product, agb, "2027-01-04");
        String body = allocationJson(referral, agb, product, 3, "04", "6", "2027-01-04", "2027-02-28");

        Api.Response refused = api.post("/api/v1/allocations", tokens.accessOfficer("1640"), body);
        assertEquals(422, refused.status(), refused.toString());
        assertEquals(25_000L, ((Number) refused.json().get("remainingCents")).longValue());
        assertTrue(((String) refused.json().get("detail")).contains("EUR 250.00 remaining"), refused.body());

        String withReason = body.replace("}", ",\"overrideReason\":\"crisisplaatsing, wethouder akkoord\"}");
        assertEquals(403, api.post("/api/v1/allocations", tokens.accessOfficer("1640"), withReason).status(),
                "an officer without BUDGET_OVERRIDE cannot override");
        String overrider = tokens.sign("teamlead-1640", List.of(Roles.ACCESS_OFFICER, Roles.BUDGET_OVERRIDE),
                "municipality", "1640", Duration.ofHours(1));
        Api.Response overridden = api.post("/api/v1/allocations", overrider, withReason);
        assertEquals(201, overridden.status(), overridden.toString());
        assertEquals("crisisplaatsing, wethouder akkoord", overridden.json().get("overrideReason"));
        Map<String, Object> budget = api.get("/api/v1/budgets/" + line, tokens.accessOfficer("1640")).json();
        assertEquals(30_000L, ((Number) budget.get("committedCents")).longValue());
        String id = (String) overridden.json().get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.BUDGETS_V1).stream().anyMatch(m -> "BudgetCommitted".equals(m.type())
                && m.value().contains("\"allocationId\":\"" + id + "\"") && m.value().contains("\"overridden\":true")
                && m.value().contains("wethouder akkoord")));
    }

    @Test
    void aRedeliveredDeclarationRealisesMoneyOnce() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxqIn("DAY_TREATMENT", agb, product, 10_000, "0946");
        String line = access.budget("0946", 2027, "DAY_TREATMENT", 1_000_000L);
        String referral = access.triagedReferralIn("DAY_TREATMENT", "0946");
        access.awaitEligible("0946", referral, product, agb, "2027-01-04");
        Api.Response issued = api.post("/api/v1/allocations", tokens.accessOfficer("0946"),
                allocationJson(referral, agb, product, 10, "04", "6", "2027-01-04", "2027-06-30"));
        assertEquals(201, issued.status(), issued.toString());
        UUID allocation = UUID.fromString((String) issued.json().get("id"));

        DeclarationAccepted january = declaration(allocation, agb, UUID.randomUUID(), 30_000);
        contracts.publish(Topics.PROVIDER_REPORTS_V1, january);
        contracts.publish(Topics.PROVIDER_REPORTS_V1, january); // redelivered
        // the same line published again under a new event id, as a provider-service retry might
        contracts.publish(Topics.PROVIDER_REPORTS_V1, new DeclarationAccepted(UUID.randomUUID(), Instant.now(),
                january.declarationLineId(), allocation, agb, "0946", null, "45", product, january.periodStart(),
                january.periodEnd(), 3, "04", 10_000, 30_000));
        contracts.publish(Topics.PROVIDER_REPORTS_V1, declaration(allocation, agb, UUID.randomUUID(), 20_000));

        await().atMost(Duration.ofSeconds(30)).until(() -> realised(line) == 50_000);
        Map<String, Object> budget = api.get("/api/v1/budgets/" + line, tokens.accessOfficer("0946")).json();
        assertEquals(100_000L - 50_000L, ((Number) budget.get("committedCents")).longValue());
        Map<String, Object> after = api.get("/api/v1/allocations/" + allocation, tokens.accessOfficer("0946")).json();
        assertEquals(50_000L, ((Number) after.get("realisedCents")).longValue());
        assertEquals(50_000L, ((Number) after.get("committedCents")).longValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.BUDGETS_V1).stream().filter(m -> "BudgetRealised".equals(m.type())
                && m.value().contains(allocation.toString())).count() == 2);

        // withdrawing releases what was not realised
        api.post("/api/v1/allocations/" + allocation + "/withdrawal", tokens.accessOfficer("0946"), "{}");
        Map<String, Object> released = api.get("/api/v1/budgets/" + line, tokens.accessOfficer("0946")).json();
        assertEquals(0L, ((Number) released.get("committedCents")).longValue());
        assertEquals(50_000L, ((Number) released.get("realisedCents")).longValue());
    }

    @Test
    void aMunicipalitySetsItsOwnBudgetLinesOnly() {
        Api.Response created = api.post("/api/v1/budgets", tokens.accessOfficer("0946"),
                "{\"municipalityCode\":\"0946\",\"year\":2026,\"line\":\"WMO_ELDERLY\",\"amountCents\":500000}");
        assertEquals(201, created.status(), created.toString());
        String id = (String) created.json().get("id");
        assertEquals(409, api.post("/api/v1/budgets", tokens.accessOfficer("0946"),
                "{\"municipalityCode\":\"0946\",\"year\":2026,\"line\":\"WMO_ELDERLY\",\"amountCents\":1}").status());
        assertEquals(403, api.post("/api/v1/budgets", tokens.accessOfficer("0988"),
                "{\"municipalityCode\":\"0946\",\"year\":2026,\"line\":\"HOUSING\",\"amountCents\":1}").status());
        assertEquals(403, api.post("/api/v1/budgets", tokens.municipalityAnalyst("0946"),
                "{\"municipalityCode\":\"0946\",\"year\":2026,\"line\":\"HOUSING\",\"amountCents\":1}").status());
        assertEquals(400, api.post("/api/v1/budgets", tokens.accessOfficer("0946"),
                "{\"municipalityCode\":\"0946\",\"year\":2026,\"line\":\"HOUSING\",\"amountCents\":-5}").status());
        assertEquals(403, api.get("/api/v1/budgets/" + id, tokens.accessOfficer("0988")).status());
        assertEquals(200, api.get("/api/v1/budgets/" + id, tokens.municipalityAnalyst("0946")).status());
        Api.Response raised = api.put("/api/v1/budgets/" + id, tokens.accessOfficer("0946"), "{\"amountCents\":750000}");
        assertEquals(200, raised.status(), raised.toString());
        assertEquals(750_000L, ((Number) raised.json().get("amountCents")).longValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.BUDGETS_V1).stream().anyMatch(m -> "BudgetSet".equals(m.type()) && m.key().equals(id)
                && m.value().contains("\"amountCents\":750000")));
    }

    private static DeclarationAccepted declaration(UUID allocation, String agb, UUID lineId, long amount) {
        return new DeclarationAccepted(UUID.randomUUID(), Instant.now(), lineId, allocation, agb, "0946", null, "45",
                "X", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), amount / 10_000, "04", 10_000, amount);
    }

    private long realised(String line) {
        return ((Number) api.get("/api/v1/budgets/" + line, tokens.accessOfficer("0946")).json().get("realisedCents")).longValue();
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
