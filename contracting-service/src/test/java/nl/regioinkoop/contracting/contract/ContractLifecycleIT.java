package nl.regioinkoop.contracting.contract;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.contracting.Fixtures;
import nl.regioinkoop.contracting.Json;
import nl.regioinkoop.contracting.TestClock;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ContractLifecycleIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    TestClock clock;
    @Inject
    Contracts contracts;
    @Inject
    nl.regioinkoop.contracting.common.Sql sql;
    Api api;
    String officer;

    @Override
    protected String databaseName() {
        return "contracting";
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
        officer = tokens.procurementOfficer("MLW");
    }

    @BeforeEach
    void today() {
        clock.setToday(LocalDate.of(2026, 1, 5));
    }

    private Map<String, Object> signLocal(String agb) {
        Api.Response created = api.post("/api/v1/contracts", officer, Fixtures.localContractForWeert(agb));
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    @Test
    void signingALocalContractPublishesItsFullTermsAsAccessServiceNeedsThem() {
        String agb = Fixtures.randomAgb();
        Map<String, Object> contract = signLocal(agb);
        String id = (String) contract.get("id");

        Map<String, Object> signed = await().atMost(Duration.ofSeconds(20)).until(() -> message(id, "ContractSigned"),
                Optional::isPresent).orElseThrow();
        assertEquals(id, signed.get("contractId"));
        Map<String, Object> terms = Json.map(signed.get("terms"));
        assertEquals(id, terms.get("contractId"));
        assertEquals(null, terms.get("tenderId"), "a local contract has no tender");
        assertEquals("MLW", terms.get("region"));
        assertEquals(agb, terms.get("providerAgb"));
        assertEquals(List.of("0988"), terms.get("municipalities"));
        assertEquals("2026-01-01", terms.get("validFrom"));
        assertEquals("2029-12-31", terms.get("validTo"), "4 initial years");
        assertEquals("2033-12-31", terms.get("maxValidTo"), "4 + 2 + 2 years");
        assertEquals(3, ((Number) terms.get("noticeMonths")).intValue());
        assertEquals(50_000_000L, ((Number) terms.get("annualCeilingCents")).longValue());
        assertEquals(180, ((Number) terms.get("acceptanceDutyDays")).intValue());
        assertEquals("ACTIVE", terms.get("status"));
        assertEquals(List.of(Map.of("agbCode", agb, "role", "LEAD", "shareBasisPoints", 10000)), terms.get("members"));

        List<Object> products = Json.list(terms.get("products"));
        assertEquals(2, products.size());
        Map<String, Object> pxq = Json.map(products.get(0));
        assertEquals("45", pxq.get("productCategory"));
        assertEquals("45A48", pxq.get("productCode"));
        assertEquals("PXQ", pxq.get("fundingModel"));
        assertEquals("04", pxq.get("unit"));
        assertEquals("ambulant", pxq.get("segment"));
        Map<String, Object> hourly = Json.map(Json.list(pxq.get("tariffs")).get(0));
        assertEquals(7850, ((Number) hourly.get("amountCents")).intValue());
        assertEquals("2026-01-01", hourly.get("validFrom"));
        assertEquals(null, hourly.get("validTo"));
        Map<String, Object> output = Json.map(products.get(1));
        assertEquals("OUTPUT", output.get("fundingModel"));
        assertEquals("82", output.get("unit"), "output is paid per piece");
        Map<String, Object> profile = Json.map(Json.list(output.get("tariffs")).get(0));
        assertEquals("P3", profile.get("profile"));
        assertEquals(2, ((Number) profile.get("intensity")).intValue());
        assertEquals(1000, ((Number) profile.get("resultShareBasisPoints")).intValue());
    }

    @Test
    void anInvalidLocalContractIsRefusedWithEveryViolationAndNothingIsStored() {
        long before = contracts.count(new Contracts.Scope("MLW", null, null), new Contracts.Filter(null, null, null, null));
        long eventsBefore = sql.count("select count(*) from outbox");
        String body = Fixtures.localContractForWeert("1234").replace("\"0988\"", "\"0988\",\"946\"")
                .replace("\"45A48\"", "\"45A48XX\"").replace("\"04\"", "\"05\"").replace("\"45\"", "\"39\"");
        Api.Response refused = api.post("/api/v1/contracts", officer, body);

        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.contentType());
        for (String expected : List.of("4-digit CBS municipality code", "exactly one municipality",
                "JZ020 youth category 40-55", "product code of 1 to 5", "WJ756 unit code")) {
            assertTrue(refused.body().contains(expected), expected + " in " + refused.body());
        }
        assertEquals(before, contracts.count(new Contracts.Scope("MLW", null, null),
                new Contracts.Filter(null, null, null, null)));
        assertEquals(eventsBefore, sql.count("select count(*) from outbox"), "and no event was written");
    }

    @Test
    void extendsOptionByOptionAndRefusesBeyondTheOptions() {
        String id = (String) signLocal(Fixtures.randomAgb()).get("id");

        Api.Response first = api.post("/api/v1/contracts/" + id + "/extension", officer, "{}");
        assertEquals(200, first.status(), first.toString());
        assertEquals("2031-12-31", Json.map(first.json().get("terms")).get("validTo"));
        Api.Response second = api.post("/api/v1/contracts/" + id + "/extension", officer, "{}");
        assertEquals("2033-12-31", Json.map(second.json().get("terms")).get("validTo"));

        Api.Response third = api.post("/api/v1/contracts/" + id + "/extension", officer, "{}");
        assertEquals(422, third.status(), third.toString());
        assertTrue(third.isProblem());
        assertTrue(third.body().contains("no-extension-option-left"), third.body());
        assertEquals("2033-12-31", Json.map(api.get("/api/v1/contracts/" + id, officer).json().get("terms"))
                .get("validTo"), "the refused extension changed nothing");
        await().atMost(Duration.ofSeconds(20)).until(() -> messages(id, "ContractExtended").size() == 2);
    }

    @Test
    void amendingATariffClosesTheOldOneTheDayBeforeAndKeepsHistory() {
        String id = (String) signLocal(Fixtures.randomAgb()).get("id");

        Api.Response amended = api.post("/api/v1/contracts/" + id + "/tariff-amendments", officer, """
                {"effectiveFrom":"2026-07-01","reason":"new cost price study",
                 "tariffs":[{"productCategory":"45","productCode":"45A48","amountCents":8100}]}""");

        assertEquals(200, amended.status(), amended.toString());
        List<Object> tariffs = Json.list(Json.map(Json.list(Json.map(amended.json().get("terms")).get("products"))
                .get(0)).get("tariffs"));
        assertEquals(2, tariffs.size(), tariffs.toString());
        assertEquals("2026-06-30", Json.map(tariffs.get(0)).get("validTo"));
        assertEquals(7850, ((Number) Json.map(tariffs.get(0)).get("amountCents")).intValue());
        assertEquals("2026-07-01", Json.map(tariffs.get(1)).get("validFrom"));
        assertEquals(8100, ((Number) Json.map(tariffs.get(1)).get("amountCents")).intValue());

        List<Object> history = api.get("/api/v1/contracts/" + id + "/history", officer).jsonList();
        assertEquals(List.of("SIGNED", "TARIFFS_AMENDED"), history.stream().map(h -> Json.map(h).get("action")).toList());
        await().atMost(Duration.ofSeconds(20)).until(() -> message(id, "ContractAmended")
                .filter(m -> "2026-07-01".equals(m.get("effectiveFrom"))).isPresent());
    }

    @Test
    void indexationAppliesThePercentageFromItsDateRoundedHalfEvenToWholeCents() {
        String body = Fixtures.localContractForWeert(Fixtures.randomAgb())
                .replace("{\"amountCents\":7850}", "{\"amountCents\":250}")
                .replace("\"amountCents\":1250000", "\"amountCents\":350");
        Api.Response created = api.post("/api/v1/contracts", officer, body);
        String id = (String) created.json().get("id");

        Api.Response indexed = api.post("/api/v1/contracts/" + id + "/indexations", officer,
                "{\"percentage\":1,\"effectiveFrom\":\"2027-01-01\"}");

        assertEquals(200, indexed.status(), indexed.toString());
        List<Object> products = Json.list(Json.map(indexed.json().get("terms")).get("products"));
        List<Object> hourly = Json.list(Json.map(products.get(0)).get("tariffs"));
        assertEquals(252, ((Number) Json.map(hourly.get(1)).get("amountCents")).intValue(), "252.5 rounds to even");
        assertEquals("2026-12-31", Json.map(hourly.get(0)).get("validTo"));
        List<Object> output = Json.list(Json.map(products.get(1)).get("tariffs"));
        assertEquals(354, ((Number) Json.map(output.stream().filter(t -> "2027-01-01".equals(Json.map(t)
                .get("validFrom")) && ((Number) Json.map(t).get("intensity")).intValue() == 2).findFirst()
                .orElseThrow()).get("amountCents")).intValue(), "353.5 rounds to even");
    }

    @Test
    void theRegionIndexesEveryContractOfATenderAtOnce() {
        String tenderId = new nl.regioinkoop.contracting.TenderFixtures(api, tokens).definitivelyAwardedTender(clock, tokens);

        Api.Response result = api.post("/api/v1/contracts/indexations", officer,
                "{\"percentage\":2.5,\"effectiveFrom\":\"2027-01-01\",\"tenderId\":\"" + tenderId + "\"}");

        assertEquals(200, result.status(), result.toString());
        List<Object> indexed = Json.list(result.json().get("indexed"));
        assertEquals(2, indexed.size(), result.body());
        for (Object id : indexed) {
            Map<String, Object> terms = Json.map(api.get("/api/v1/contracts/" + id, officer).json().get("terms"));
            List<Object> hourly = Json.list(Json.map(Json.list(terms.get("products")).get(0)).get("tariffs"));
            assertEquals(8046, ((Number) Json.map(hourly.get(1)).get("amountCents")).intValue(),
                    "7850 x 1.025 = 8046.25, rounded half-even to 8046");
        }
    }

    @Test
    void suspendsResumesAndTerminatesRespectingTheNoticePeriod() {
        String id = (String) signLocal(Fixtures.randomAgb()).get("id");

        Api.Response suspended = api.post("/api/v1/contracts/" + id + "/suspension", officer,
                "{\"from\":\"2026-02-01\",\"reason\":\"quality investigation\"}");
        assertEquals("SUSPENDED", suspended.json().get("status"), suspended.toString());
        Api.Response again = api.post("/api/v1/contracts/" + id + "/suspension", officer,
                "{\"from\":\"2026-02-01\",\"reason\":\"twice\"}");
        assertEquals(409, again.status(), again.toString());
        Api.Response resumed = api.post("/api/v1/contracts/" + id + "/resumption", officer, "{\"from\":\"2026-03-01\"}");
        assertEquals("ACTIVE", resumed.json().get("status"), resumed.toString());

        Api.Response tooSoon = api.post("/api/v1/contracts/" + id + "/termination", officer,
                "{\"endDate\":\"2026-02-28\",\"reason\":\"provider leaves the region\"}");
        assertEquals(422, tooSoon.status(), tooSoon.toString());
        assertTrue(tooSoon.body().contains("2026-04-05"), "names the earliest end date: " + tooSoon.body());

        Api.Response ended = api.post("/api/v1/contracts/" + id + "/termination", officer,
                "{\"endDate\":\"2026-06-30\",\"reason\":\"provider leaves the region\"}");
        assertEquals(200, ended.status(), ended.toString());
        assertEquals("ENDED", ended.json().get("status"));
        assertEquals("2026-06-30", Json.map(ended.json().get("terms")).get("validTo"));
        Api.Response afterEnd = api.post("/api/v1/contracts/" + id + "/extension", officer, "{}");
        assertEquals(409, afterEnd.status(), afterEnd.toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> message(id, "ContractSuspended").isPresent()
                && message(id, "ContractResumed").isPresent()
                && message(id, "ContractEnded").filter(m -> "2026-06-30".equals(m.get("endDate"))).isPresent());
    }

    @Test
    void municipalitiesAndProvidersSeeOnlyTheContractsTheyTakePartIn() {
        String agb = Fixtures.randomAgb();
        String id = (String) signLocal(agb).get("id");

        assertEquals(200, api.get("/api/v1/contracts/" + id, tokens.accessOfficer("0988")).status());
        assertEquals(200, api.get("/api/v1/contracts/" + id, tokens.provider(agb)).status());
        assertEquals(200, api.get("/api/v1/contracts/" + id, tokens.regionAnalyst("MLW")).status());
        Api.Response otherMunicipality = api.get("/api/v1/contracts/" + id, tokens.municipalityAnalyst("0946"));
        assertEquals(403, otherMunicipality.status());
        assertTrue(otherMunicipality.isProblem());
        assertEquals(403, api.get("/api/v1/contracts/" + id, tokens.provider(Fixtures.randomAgb())).status());
        assertEquals(403, api.get("/api/v1/contracts/" + id, tokens.regionAnalyst("HVB")).status());

        Api.Response ownList = api.get("/api/v1/contracts?size=200", tokens.provider(agb));
        assertEquals(1, Json.list(ownList.json().get("content")).size(), ownList.body());
        Api.Response leudal = api.get("/api/v1/contracts?size=200", tokens.accessOfficer("1640"));
        assertTrue(Json.list(leudal.json().get("content")).stream()
                .noneMatch(c -> id.equals(Json.map(c).get("id"))), leudal.body());

        assertEquals(403, api.post("/api/v1/contracts", tokens.provider(agb),
                Fixtures.localContractForWeert(agb)).status(), "a provider signs nothing itself");
        assertEquals(403, api.post("/api/v1/contracts/" + id + "/extension", tokens.regionAnalyst("MLW"), "{}")
                .status(), "analysts only read");
    }

    private Optional<Map<String, Object>> message(String contractId, String type) {
        List<Map<String, Object>> found = messages(contractId, type);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    private List<Map<String, Object>> messages(String contractId, String type) {
        return TopicReader.readAll(Infra.kafkaBootstrapServers(), Topics.CONTRACTS_V1).stream()
                .filter(m -> contractId.equals(m.key()))
                .map(m -> Json.map(m.value()))
                .filter(m -> type.equals(m.get("type")))
                .toList();
    }
}
