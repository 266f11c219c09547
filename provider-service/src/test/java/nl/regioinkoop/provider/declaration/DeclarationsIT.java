package nl.regioinkoop.provider.declaration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.AllocationChanged;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.events.contracting.ContractAmended;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.events.contracting.Tariff;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.kit.retention.RetentionJob;
import nl.regioinkoop.provider.Fixtures;
import nl.regioinkoop.provider.contract.ContractTariffs;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.regioinkoop.provider.Fixtures.HOUR;
import static nl.regioinkoop.provider.Fixtures.NEW_TARIFF;
import static nl.regioinkoop.provider.Fixtures.OLD_TARIFF;
import static nl.regioinkoop.provider.Fixtures.PRODUCT;
import static nl.regioinkoop.provider.Fixtures.monthsAgo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class DeclarationsIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    @Inject
    ContractTariffs contracts;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    MeterRegistry meters;
    @Inject
    RetentionJob retention;
    Api api;
    Fixtures fixtures;
    final String agb = Fixtures.randomAgb();
    ContractSigned contract;

    @Override
    protected String databaseName() {
        return "provider";
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURL().toString());
        fixtures = new Fixtures(json);
        contract = fixtures.contractSigned(agb);
        fixtures.publishContract(contract);
        await().atMost(Duration.ofSeconds(30)).until(() -> contracts.statusOf(contract.contractId()).isPresent());
    }

    private UUID allocation(String provider, long hours) {
        AllocationIssued issued = fixtures.allocationIssued(provider, contract.contractId(), hours);
        fixtures.publishAllocation(issued);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/allocations/" + issued.allocationId(), tokens.provider(provider)).status() == 200);
        return issued.allocationId();
    }

    static String line(UUID allocation, YearMonth month, long hours, long tariff) {
        return line(allocation, month, hours, tariff, hours * tariff, PRODUCT);
    }

    static String line(UUID allocation, YearMonth month, long hours, long tariff, long amount, String product) {
        return "{\"lineRef\":\"" + month + "\",\"allocationId\":\"" + allocation + "\",\"periodStart\":\""
                + month.atDay(1) + "\",\"periodEnd\":\"" + month.atEndOfMonth() + "\",\"productCode\":\"" + product
                + "\",\"volume\":" + hours + ",\"unit\":\"" + HOUR + "\",\"tariffCents\":" + tariff
                + ",\"amountCents\":" + amount + "}";
    }

    static String bulk(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> answers(Api.Response response) {
        return (List<Map<String, Object>>) response.json().get("lines");
    }

    private long declaredVolume(UUID allocation) {
        return ((Number) api.get("/api/v1/allocations/" + allocation, tokens.provider(agb)).json()
                .get("declaredVolume")).longValue();
    }

    private long storedLines(UUID allocation) {
        return ((Number) api.get("/api/v1/declarations?allocationId=" + allocation, tokens.provider(agb)).json()
                .get("totalSize")).longValue();
    }

    /**
     * The documented limit, 100,000 lines in one request, is what the server reads: a request of 100,000 lines of
     * the longest kind (a lineRef of 100 characters) is read to its end; its last line is malformed on purpose, so
     * the answer names it and nothing is stored. One line more is refused by count; a body beyond max-request-size
     * is refused with 413 as soon as its Content-Length is known, before it is sent.
     */
    @Test
    void aBulkRequestOfTheDocumentedSizeIsReadToItsEndAndALargerBodyIsRefusedUnread() throws Exception {
        UUID id = allocation(agb, 100);
        String ref = "r".repeat(100);
        String good = line(id, monthsAgo(1), 1, NEW_TARIFF).replace("\"lineRef\":\"" + monthsAgo(1) + "\"",
                "\"lineRef\":\"" + ref + "\"");
        StringBuilder body = new StringBuilder(good.length() * 100_001 + 32).append("{\"lines\":[");
        for (int i = 0; i < DeclarationRequests.MAX_LINES - 1; i++) {
            body.append(good).append(',');
        }
        body.append(good.replace("\"unit\":\"" + HOUR + "\"", "\"unit\":\"99\"")).append("]}");
        long before = storedLines(id);
        Api.Response whole = api.post("/api/v1/declarations/bulk", tokens.provider(agb), body.toString());
        System.out.printf("BODY LIMIT provider: %,d lines, %,d bytes -> %d%n", DeclarationRequests.MAX_LINES,
                body.length(), whole.status());
        assertEquals(400, whole.status(), whole.body().length() > 500 ? whole.body().substring(0, 500) : whole.body());
        assertTrue(whole.body().contains("lines[99999].unit"), "the last line is named: " + whole.body());
        assertEquals(before, storedLines(id), "a refused request stores nothing");

        body.setLength(body.length() - 2);
        body.append(',').append(good).append("]}");
        Api.Response oneMore = api.post("/api/v1/declarations/bulk", tokens.provider(agb), body.toString());
        assertEquals(400, oneMore.status(), oneMore.body().length() > 500 ? oneMore.body().substring(0, 500)
                : oneMore.body());
        assertTrue(oneMore.body().contains("at most 100000 lines"), oneMore.body());

        // 65 MB announced, 1 MB sent: the answer comes before the rest
        try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/declarations/bulk HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + tokens.provider(agb) + "\r\nContent-Type: application/json\r\nContent-Length: " + (65L << 20)
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(new byte[1 << 20]);
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            System.out.println("BODY LIMIT provider: 65 MB announced, 1 MB sent -> " + status);
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
    }

    @Test
    void declaringOnAnotherProvidersAllocationIsForbiddenAndStoresNothing() {
        UUID own = allocation(agb, 100);
        String other = Fixtures.randomAgb();
        UUID theirs = allocation(other, 100);

        Api.Response refused = api.post("/api/v1/declarations/bulk", tokens.provider(agb), bulk(
                line(own, monthsAgo(2), 10, NEW_TARIFF), line(theirs, monthsAgo(2), 10, NEW_TARIFF)));

        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertTrue(!refused.body().contains(theirs.toString()), "the 403 says nothing of the allocation");
        assertEquals(0, storedLines(own));
        assertEquals(0, declaredVolume(own));
        assertEquals(403, api.post("/api/v1/declarations", tokens.provider(agb),
                line(theirs, monthsAgo(2), 10, NEW_TARIFF)).status());
        assertEquals(0, ((Number) api.get("/api/v1/allocations/" + theirs, tokens.provider(other)).json()
                .get("declaredVolume")).longValue());
    }

    /** Lines are stored with COPY: tabs, newlines and backslashes in a provider's text must arrive as sent. */
    @Test
    @SuppressWarnings("unchecked")
    void aLineReferenceWithTabsNewlinesAndBackslashesIsStoredAsSent() {
        UUID id = allocation(agb, 100);
        String accepted = line(id, monthsAgo(2), 3, NEW_TARIFF).replace("\"lineRef\":\"" + monthsAgo(2) + "\"",
                "\"lineRef\":\"tab\\there\\nnew line \\\\N back\\\\slash \\r é\"");
        String rejected = line(id, monthsAgo(2), 1, NEW_TARIFF).replace("\"lineRef\":\"" + monthsAgo(2) + "\"",
                "\"lineRef\":null");

        Api.Response answer = api.post("/api/v1/declarations/bulk", tokens.provider(agb), bulk(accepted, rejected));

        assertEquals(200, answer.status(), answer.toString());
        List<Map<String, Object>> stored = (List<Map<String, Object>>) api.get(
                "/api/v1/declarations?allocationId=" + id, tokens.provider(agb)).json().get("content");
        assertEquals(2, stored.size(), stored.toString());
        Map<String, Object> acceptedLine = stored.stream().filter(l -> "ACCEPTED".equals(l.get("status")))
                .findFirst().orElseThrow();
        assertEquals("tab\there\nnew line \\N back\\slash \r é", acceptedLine.get("lineRef"));
        Map<String, Object> rejectedLine = stored.stream().filter(l -> "REJECTED".equals(l.get("status")))
                .findFirst().orElseThrow();
        assertEquals(null, rejectedLine.get("lineRef"));
        assertEquals("D09", rejectedLine.get("reasonCode"));
        assertEquals(answers(answer).get(1).get("reason"), rejectedLine.get("reason"));
    }

    @Test
    void aLineAboveTheAllocatedVolumeIsRejectedAndTheOthersAccepted() {
        UUID id = allocation(agb, 30);
        Api.Response answer = api.post("/api/v1/declarations/bulk", tokens.provider(agb), bulk(
                line(id, monthsAgo(3), 10, NEW_TARIFF), line(id, monthsAgo(2), 10, NEW_TARIFF),
                line(id, monthsAgo(1), 15, NEW_TARIFF)));

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(2, ((Number) answer.json().get("accepted")).intValue(), answer.body());
        List<Map<String, Object>> lines = answers(answer);
        assertEquals("ACCEPTED", lines.get(0).get("status"));
        assertEquals("ACCEPTED", lines.get(1).get("status"));
        assertEquals("REJECTED", lines.get(2).get("status"));
        assertEquals("D10", lines.get(2).get("reasonCode"));
        assertTrue(((String) lines.get(2).get("reason")).contains("remaining 10"), lines.get(2).toString());
        assertEquals(20, declaredVolume(id));

        String rejectedLine = (String) lines.get(2).get("declarationLineId");
        String acceptedLine = (String) lines.get(0).get("declarationLineId");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<TopicReader.Message> messages = TopicReader.readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDER_REPORTS_V1);
            return messages.stream().anyMatch(m -> "DeclarationRejected".equals(m.type())
                    && m.value().contains(rejectedLine) && m.value().contains("\"reasonCode\":\"D10\""))
                    && messages.stream().anyMatch(m -> "DeclarationAccepted".equals(m.type())
                    && m.value().contains(acceptedLine) && m.value().contains("\"amountCents\":" + 10 * NEW_TARIFF));
        });
    }

    @Test
    void eachFailedCheckAnswersItsOwnReason() throws Exception {
        UUID id = allocation(agb, 1000);
        double unknownBefore = rejected("D02");
        double twiceBefore = rejected("D09");
        Api.Response answer = api.post("/api/v1/declarations/bulk", tokens.provider(agb), bulk(
                line(id, monthsAgo(5), 5, OLD_TARIFF),                       // accepted: the tariff before indexation
                line(id, monthsAgo(4), 5, NEW_TARIFF),                       // D07: indexed tariff before it applied
                line(id, monthsAgo(2), 5, NEW_TARIFF, 5 * NEW_TARIFF + 1, PRODUCT),  // D08: amount off by a cent
                line(id, monthsAgo(2), 5, NEW_TARIFF, 5 * NEW_TARIFF, "45A49"),      // D04: another product
                line(id, monthsAgo(8), 5, OLD_TARIFF),                       // D03: before the allocation
                line(UUID.randomUUID(), monthsAgo(2), 5, NEW_TARIFF),        // D02: unknown allocation
                line(id, monthsAgo(-1), 5, NEW_TARIFF),                      // D01: a month still to come
                line(id, monthsAgo(1), 5, NEW_TARIFF),                       // accepted
                line(id, monthsAgo(1), 5, NEW_TARIFF)));                     // D09: the same month again

        assertEquals(200, answer.status(), answer.toString());
        List<String> reasons = answers(answer).stream()
                .map(l -> "ACCEPTED".equals(l.get("status")) ? "OK" : (String) l.get("reasonCode")).toList();
        assertEquals(List.of("OK", "D07", "D08", "D04", "D03", "D02", "D01", "OK", "D09"), reasons);
        assertEquals(10, declaredVolume(id));

        Api.Response again = api.post("/api/v1/declarations", tokens.provider(agb), line(id, monthsAgo(5), 5, OLD_TARIFF));
        assertEquals(200, again.status(), again.toString());
        assertEquals("D09", again.json().get("reasonCode"), again.body());

        // counted per reason code once committed, and scraped under that name
        assertEquals(unknownBefore + 1, rejected("D02"));
        assertEquals(twiceBefore + 2, rejected("D09"));
        String scrape = scrape();
        assertTrue(scrape.contains("regio_declaration_lines_rejected_total{reason=\"D02\"}"), scrape);
    }

    /** As Prometheus asks: no token, no Accept header of JSON. */
    private String scrape() throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.getURL() + "/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private double rejected(String reason) {
        var counter = meters.find(DeclarationRejections.NAME).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anIdempotencyKeyIsForgottenOnlyAfterItsRetention() {
        UUID id = allocation(agb, 100);
        String oldKey = "old-" + UUID.randomUUID();
        String newKey = "new-" + UUID.randomUUID();
        for (String key : List.of(oldKey, newKey)) {
            assertEquals(200, api.send("POST", "/api/v1/declarations/bulk", tokens.provider(agb), "application/json",
                    bulk(line(id, key.startsWith("old") ? monthsAgo(3) : monthsAgo(2), 1, NEW_TARIFF)),
                    Map.of("Idempotency-Key", key)).status());
        }
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "update idempotent_submission set created_at = now() - interval '31 days' where key = ?", st -> {
                    st.setString(1, oldKey);
                    return st.executeUpdate();
                }));

        assertTrue(retention.purgeAll().get("idempotent_submission") >= 1);

        assertEquals(0, keys(oldKey));
        assertEquals(1, keys(newKey), "a key within its 30 days is kept");
    }

    private long keys(String key) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "select count(*) from idempotent_submission where key = ?", st -> {
                    st.setString(1, key);
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    @Test
    void aRetriedBulkSubmissionGetsTheFirstAnswerAndCountsOnce() {
        UUID id = allocation(agb, 100);
        String body = bulk(line(id, monthsAgo(3), 7, NEW_TARIFF), line(id, monthsAgo(2), 8, NEW_TARIFF));
        Map<String, String> key = Map.of("Idempotency-Key", "bulk-" + UUID.randomUUID());

        Api.Response first = api.send("POST", "/api/v1/declarations/bulk", tokens.provider(agb), "application/json", body, key);
        Api.Response retry = api.send("POST", "/api/v1/declarations/bulk", tokens.provider(agb), "application/json", body, key);

        assertEquals(200, first.status(), first.toString());
        assertEquals(first.status(), retry.status());
        assertEquals(first.body(), retry.body());
        assertEquals(15, declaredVolume(id));
        assertEquals(2, storedLines(id));

        Api.Response reused = api.send("POST", "/api/v1/declarations/bulk", tokens.provider(agb), "application/json",
                bulk(line(id, monthsAgo(1), 1, NEW_TARIFF)), key);
        assertEquals(422, reused.status(), reused.toString());
        assertTrue(reused.body().contains("idempotency-key-reused"), reused.body());
        assertEquals(15, declaredVolume(id));
    }

    @Test
    void aLumpSumAllocationIsNotDeclaredPerClient() {
        // Wmo support paid as a lump sum per area per year: the allocation records who gets care, not what it costs
        LocalDate from = monthsAgo(12).atDay(1);
        UUID contractId = UUID.randomUUID();
        Tariff area = new Tariff(null, null, "Tilburg-Noord", 120_000_000, from, null, 0);
        ContractTerms terms = new ContractTerms(contractId, null, null, "MLW", agb, List.of(), "SELECTIVE",
                "WMO_SUPPORT", List.of("0988"), List.of(new ContractProduct("02", "02A01", "WMO_SUPPORT", "LUMP_SUM",
                "83", List.of(area))), from, from.plusYears(4), from.plusYears(8), 6, null, null, "ACTIVE");
        fixtures.publishContract(new ContractSigned(UUID.randomUUID(), Instant.now(), contractId, terms));
        await().atMost(Duration.ofSeconds(30)).until(() -> contracts.statusOf(contractId).isPresent());
        AllocationIssued issued = new AllocationIssued(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), "0988", "pseudo-" + UUID.randomUUID(), agb, contractId, "02", "02A01", "WMO_SUPPORT",
                null, null, "01", "LUMP_SUM", 1, "83", "6", monthsAgo(6).atDay(1), monthsAgo(-6).atEndOfMonth(), 0, 0,
                null, null);
        fixtures.publishAllocation(issued);
        UUID id = issued.allocationId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/allocations/" + id, tokens.provider(agb)).status() == 200);

        YearMonth month = monthsAgo(2);
        String wholeLumpSum = "{\"allocationId\":\"" + id + "\",\"periodStart\":\"" + month.atDay(1)
                + "\",\"periodEnd\":\"" + month.atEndOfMonth() + "\",\"productCode\":\"02A01\",\"volume\":1,"
                + "\"unit\":\"83\",\"tariffCents\":120000000,\"amountCents\":120000000}";
        Api.Response answer = api.post("/api/v1/declarations", tokens.provider(agb), wholeLumpSum);

        assertEquals(200, answer.status(), answer.toString());
        assertEquals("REJECTED", answer.json().get("status"), answer.body());
        assertEquals("D11", answer.json().get("reasonCode"), answer.body());
        assertEquals(0, declaredVolume(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.PROVIDER_REPORTS_V1).stream().anyMatch(m -> "DeclarationRejected".equals(m.type())
                && m.key().equals(id.toString())));
        assertTrue(TopicReader.readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDER_REPORTS_V1).stream()
                .noneMatch(m -> "DeclarationAccepted".equals(m.type()) && m.key().equals(id.toString())));
    }

    @Test
    void malformedLinesRefuseTheWholeSubmission() {
        UUID id = allocation(agb, 100);
        Api.Response refused = api.post("/api/v1/declarations/bulk", tokens.provider(agb), bulk(
                line(id, monthsAgo(2), 1, NEW_TARIFF),
                line(id, monthsAgo(1), 1, NEW_TARIFF).replace("\"unit\":\"04\"", "\"unit\":\"99\"")));
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertTrue(refused.body().contains("WJ756"), refused.body());
        assertEquals(0, storedLines(id));
        assertEquals(403, api.post("/api/v1/declarations/bulk", tokens.procurementOfficer("MLW"),
                bulk(line(id, monthsAgo(2), 1, NEW_TARIFF))).status());
    }

    @Test
    void aChangedAllocationAndAnAmendedContractApplyOnceEachEvenWhenRedelivered() {
        UUID id = allocation(agb, 10);
        AllocationChanged changed = new AllocationChanged(UUID.randomUUID(), Instant.now(), id, "0988", agb, 40, HOUR,
                "6", monthsAgo(6).atDay(1), monthsAgo(-6).atEndOfMonth(), 40 * NEW_TARIFF, "more hours");
        fixtures.publishAllocation(changed);
        fixtures.publishAllocation(changed);
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) api.get("/api/v1/allocations/" + id,
                tokens.provider(agb)).json().get("remainingVolume")).longValue() == 40);

        ContractTerms amended = withTariff(contract.terms(), NEW_TARIFF + 100);
        fixtures.publishContract(new ContractAmended(UUID.randomUUID(), Instant.now(), contract.contractId(),
                monthsAgo(24).atDay(1), "indexation", amended));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(api.post("/api/v1/declarations",
                    tokens.provider(agb), line(id, monthsAgo(1), 20, NEW_TARIFF + 100)).json().get("status")));
            assertEquals("D07", api.post("/api/v1/declarations", tokens.provider(agb),
                    line(id, monthsAgo(2), 5, NEW_TARIFF)).json().get("reasonCode"));
        } finally {
            // the original ContractSigned again would be skipped as already processed: restore with a new amendment
            fixtures.publishContract(new ContractAmended(UUID.randomUUID(), Instant.now(), contract.contractId(),
                    monthsAgo(24).atDay(1), "restore", contract.terms()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(api.post("/api/v1/declarations",
                tokens.provider(agb), line(id, monthsAgo(2), 5, NEW_TARIFF)).json().get("status")));
        assertEquals(25, declaredVolume(id));
    }

    private static ContractTerms withTariff(ContractTerms terms, long cents) {
        ContractProduct product = terms.products().get(0);
        ContractProduct repriced = new ContractProduct(product.productCategory(), product.productCode(),
                product.segment(), product.fundingModel(), product.unit(),
                List.of(new Tariff(null, null, null, cents, terms.validFrom(), null, 0)));
        return new ContractTerms(terms.contractId(), terms.tenderId(), terms.lotId(), terms.region(),
                terms.providerAgb(), terms.members(), terms.contractForm(), terms.segment(), terms.municipalities(),
                List.of(repriced), terms.validFrom(), terms.validTo(), terms.maxValidTo(), terms.noticeMonths(),
                terms.annualCeilingCents(), terms.acceptanceDutyDays(), terms.status());
    }

    /** Replicas are inserted directly here: this is about the intake, not about replication. */
    @Test
    void twentyThousandLinesAreEachAnsweredInOneRequest() {
        int allocations = 5_000;
        int months = 4;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < allocations; i++) {
            ids.add(UUID.randomUUID());
        }
        transactions.executeWrite(status -> jdbc.prepareStatement("""
                insert into allocation_replica (allocation_id, municipality_code, client_pseudonym, provider_agb,
                  contract_id, product_category, product_code, funding_model, volume, unit, frequency, valid_from,
                  valid_to, tariff_cents) values (?, '0988', 'p', ?, ?, '45', ?, 'PXQ', 100, '04', '6', ?, ?, ?)""", st -> {
            for (UUID id : ids) {
                st.setObject(1, id);
                st.setString(2, agb);
                st.setObject(3, contract.contractId());
                st.setString(4, PRODUCT);
                st.setDate(5, Date.valueOf(monthsAgo(6).atDay(1)));
                st.setDate(6, Date.valueOf(monthsAgo(-6).atEndOfMonth()));
                st.setLong(7, NEW_TARIFF);
                st.addBatch();
            }
            return st.executeBatch();
        }));
        List<String> lines = new ArrayList<>();
        for (int m = 1; m <= months; m++) {
            for (UUID id : ids) {
                lines.add(line(id, monthsAgo(m), 2, m <= 3 ? NEW_TARIFF : OLD_TARIFF));
            }
        }

        long started = System.nanoTime();
        Api.Response answer = api.post("/api/v1/declarations/bulk", tokens.provider(agb), bulk(lines.toArray(String[]::new)));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(200, answer.status(), answer.toString().substring(0, Math.min(500, answer.toString().length())));
        assertEquals(allocations * months, ((Number) answer.json().get("received")).intValue());
        assertEquals(allocations * months, ((Number) answer.json().get("accepted")).intValue());
        assertEquals(allocations * months, answers(answer).size());
        System.out.printf("bulk declaration: %d lines answered in %d ms (%.0f lines/s)%n", lines.size(), millis,
                lines.size() * 1000.0 / millis);
    }
}
