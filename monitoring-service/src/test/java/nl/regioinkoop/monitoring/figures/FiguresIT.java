package nl.regioinkoop.monitoring.figures;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.monitoring.ConsumerLag;
import nl.regioinkoop.monitoring.RegionScenario;
import nl.regioinkoop.monitoring.sql.Db;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripted region of {@link RegionScenario} in 2031, on the real broker and database: every figure is worked out
 * by hand below. Then the same events are delivered again, and then the read models are rebuilt from the topics:
 * both must leave every figure exactly as it was.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FiguresIT extends RealInfrastructure {
    static final String PERIOD = "from=2031-01-01&to=2031-12-31";
    static final List<String> FIGURES = List.of("/api/v1/pyramid", "/api/v1/budgets", "/api/v1/referrers",
            "/api/v1/referrals",
            "/api/v1/scorecards", "/api/v1/market", "/api/v1/signals");

    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> transactions;
    Api api;
    RegionScenario region = new RegionScenario(2031, "1111");
    String analyst;
    Map<String, String> before;

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.today", "2031-04-15", "monitoring.signals.upcoding-min-allocations", "2");
    }

    @BeforeAll
    void publishTheRegion() {
        api = new Api(server.getURL().toString());
        analyst = tokens.regionAnalyst("MLW");
        region.publish(Infra.kafkaBootstrapServers(), json);
        ConsumerLag.awaitConsumed(Infra.kafkaBootstrapServers(), RegionScenario.TOPIC_BY_GROUP);
    }

    @Test
    @Order(1)
    void pyramidCountsClientsAndSpendPerSegment() {
        Map<String, Object> pyramid = get("/api/v1/pyramid?" + PERIOD, analyst);
        List<Map<String, Object>> segments = list(pyramid, "segments");
        assertEquals(List.of("AMBULANT", "VERBLIJF"), segments.stream().map(s -> s.get("segment")).toList());
        assertSegment(segments.get(0), 4, "80.0", 220_000, "30.6");
        assertSegment(segments.get(1), 1, "20.0", 500_000, "69.4");
        assertEquals(4, number(pyramid, "distinctClients"), "p1 is in both segments and counts once");
        assertEquals(720_000, number(pyramid, "spendCents"));
        assertEquals("€ 7.200,00", pyramid.get("spend"));

        Map<String, Object> february = get("/api/v1/pyramid?from=2031-02-01&to=2031-02-28", analyst);
        assertEquals(340_000, number(february, "spendCents"), "a1 50,000 + a4 40,000 + a5 250,000");
    }

    @Test
    @Order(1)
    void aMunicipalityAnalystSeesTheirMunicipalityBesideTheRegion() {
        Map<String, Object> weert = get("/api/v1/pyramid?" + PERIOD, tokens.municipalityAnalyst("0988"));
        List<Map<String, Object>> segments = list(weert, "segments");
        assertSegment(segments.get(0), 3, "75.0", 180_000, "26.5");
        assertSegment(segments.get(1), 1, "25.0", 500_000, "73.5");
        @SuppressWarnings("unchecked")
        Map<String, Object> regionTotals = (Map<String, Object>) weert.get("region");
        assertEquals(720_000, number(regionTotals, "spendCents"));

        Api.Response other = api.get("/api/v1/pyramid?municipality=0946&" + PERIOD,
                tokens.municipalityAnalyst("0988"));
        assertEquals(403, other.status(), other.toString());
        assertTrue(other.isProblem());
        assertEquals(403, api.get("/api/v1/pyramid", tokens.provider(region.a)).status());
        assertEquals(401, api.get("/api/v1/pyramid", null).status());
        assertEquals(403, api.get("/api/v1/pyramid", tokens.regionAnalyst("XYZ")).status(), "another region");
        assertEquals(403, api.get("/api/v1/pyramid", tokens.municipalityAnalyst("0344")).status(),
                "a municipality outside the region");
    }

    @Test
    @Order(1)
    void budgetsShowTheForecastWithItsAssumption() {
        Map<String, Object> budgets = get("/api/v1/budgets?" + PERIOD, analyst);
        assertEquals("history", budgets.get("method"));
        assertEquals("2031-03-31", budgets.get("knownThrough"), "15 April: March is the last complete month");
        assertTrue(((String) budgets.get("assumption")).contains("finished allocations"));
        List<Map<String, Object>> lines = list(budgets, "lines");
        assertEquals(2, lines.size());
        // the history method as of 15 April 2031, known through 31 March: no finished allocations enough for a
        // realisation ratio (a2, a3 only), so ratio 1; January brought a1, a2, a3 to Weert and a4 to Nederweert:
        // 1 and 1/3 new allocations a month for April-December; a new one costs the mean over a1-a4 of its daily
        // rate x min(duration, days from the 16th to 31 December): sum over the 9 months 951,025.05
        Map<String, Object> nederweert = lines.get(0);
        assertEquals("0946", nederweert.get("municipality"));
        // 40,000 declared + a4 400,000 x 275 / 365 + 951,025.05 / 3 = 658,378.21
        assertEquals(658_378, number(nederweert, "forecastCents"));
        assertEquals("65.8", nederweert.get("forecastShare").toString());
        assertEquals(false, nederweert.get("forecastToOverrun"));

        Map<String, Object> weert = lines.get(1);
        assertEquals("0988", weert.get("municipality"));
        assertEquals(500_000, number(weert, "amountCents"));
        assertEquals(420_000, number(weert, "committedCents"));
        assertEquals(180_000, number(weert, "realisedCents"));
        assertEquals(-100_000, number(weert, "remainingCents"));
        // a1 commits 100,000 for 181 days (1 Jan - 30 Jun) and is the only care still running: 91 days left, and
        // the run-rate extends it 184 more; a2 and a3 stopped by 31 March and are not extended
        assertEquals(101_657, number(weert, "runRateCents"));
        assertEquals(1, number(weert, "openAllocationsExtended"));
        assertEquals(331_934, number(weert, "runRateForecastCents"), "180,000 + 50,276.24 + 101,657.46");
        // 180,000 + a1 50,276.24 + 951,025.05 = 1,181,301.29
        assertEquals(1_181_301, number(weert, "forecastCents"));
        assertEquals(1_181_301, number(weert, "historyForecastCents"));
        assertEquals(681_301, number(weert, "overrunCents"));
        assertEquals("€ 11.813,01", weert.get("forecast"));

        Map<String, Object> own = get("/api/v1/budgets?" + PERIOD, tokens.municipalityAnalyst("0946"));
        assertEquals(List.of("0946"), list(own, "lines").stream().map(l -> l.get("municipality")).toList());
    }

    @Test
    @Order(1)
    void referrerGripSharesClientsAndSpendWithinASegment() {
        List<Map<String, Object>> rows = list(get("/api/v1/referrers?" + PERIOD, analyst), "rows");
        Map<String, Map<String, Object>> cells = rows.stream().collect(Collectors.toMap(
                r -> r.get("segment") + "/" + r.get("referrerType"), r -> r));
        assertEquals(4, cells.size());
        assertCell(cells.get("AMBULANT/01"), 1, "25.0", 20_000, "9.1");
        assertCell(cells.get("AMBULANT/02"), 2, "50.0", 160_000, "72.7");
        assertCell(cells.get("AMBULANT/04"), 1, "25.0", 40_000, "18.2");
        assertCell(cells.get("VERBLIJF/04"), 1, "100.0", 500_000, "100.0");
        assertEquals("Huisarts", cells.get("AMBULANT/02").get("referrerName"));
    }

    @Test
    @Order(1)
    void referralOutcomesShowWhatBecomesOfEachReferrersReferrals() {
        Map<String, Map<String, Object>> rows = list(get("/api/v1/referrals?" + PERIOD, analyst), "rows").stream()
                .collect(Collectors.toMap(r -> (String) r.get("referrerType"), r -> r));
        assertEquals(List.of("02", "03", "06"), rows.keySet().stream().sorted().toList());
        Map<String, Object> gp = rows.get("02");
        assertEquals(3, number(gp, "referrals"), "one referral and two requests for allocation");
        assertEquals(1, number(gp, "specialistCare"));
        assertEquals("100.0", gp.get("specialistCareShare").toString());
        assertEquals("2.0", gp.get("meanDaysToTriage").toString());
        assertEquals(2, number(gp, "requestsForAllocation"));
        assertEquals(1, number(gp, "requestsRejected"));
        Map<String, Object> self = rows.get("06");
        assertEquals(1, number(self, "normalised"));
        assertEquals("0.0", self.get("specialistCareShare").toString());
        assertEquals("10.0", self.get("meanDaysToTriage").toString());
        List<Map<String, Object>> nederweert = list(get("/api/v1/referrals?" + PERIOD,
                tokens.municipalityAnalyst("0946")), "rows");
        assertEquals(List.of("03", "06"), nederweert.stream().map(r -> r.get("referrerType")).toList());
    }

    @Test
    @Order(1)
    void scorecardsMeasureEachProvider() {
        Map<String, Object> page = get("/api/v1/scorecards?" + PERIOD, analyst);
        assertEquals(3, number(page, "total"));
        List<Map<String, Object>> cards = list(page, "items");
        assertEquals(List.of(region.c, region.a, region.b), cards.stream().map(c -> c.get("agbCode")).toList());

        Map<String, Object> a = cards.get(1);
        assertEquals("Zorggroep Aurora", a.get("name"));
        assertEquals(2, number(a, "clients"));
        assertEquals(120_000, number(a, "spendCents"));
        assertEquals(60_000, number(a, "costPerClientCents"));
        assertEquals("30.0", a.get("averageDurationDays").toString());
        assertEquals("0.0", a.get("dropoutRate").toString());
        assertEquals("50.0", a.get("goalRealisedRate").toString());
        assertEquals("7.5", a.get("meanSatisfaction").toString());
        assertEquals("10.0", a.get("meanWaitingDays").toString());

        Map<String, Object> b = cards.get(2);
        assertEquals(2, number(b, "clients"));
        assertEquals(50_000, number(b, "costPerClientCents"));
        assertEquals("80.0", b.get("averageDurationDays").toString());
        assertEquals("100.0", b.get("dropoutRate").toString(), "a3 stopped early by the client (32)");
        assertEquals("0.0", b.get("goalRealisedRate").toString());
        assertEquals("17.0", b.get("meanWaitingDays").toString());

        Map<String, Object> c = cards.get(0);
        assertNull(c.get("dropoutRate"), "no stops: no rate rather than 0 %");

        Map<String, Object> own = get("/api/v1/scorecards/" + region.b + "?" + PERIOD, tokens.provider(region.b));
        @SuppressWarnings("unchecked")
        Map<String, Object> card = (Map<String, Object>) own.get("scorecard");
        assertEquals(100_000, number(card, "spendCents"));
        assertEquals(403, api.get("/api/v1/scorecards/" + region.a + "?" + PERIOD, tokens.provider(region.b)).status());
        assertEquals(403, api.get("/api/v1/scorecards?" + PERIOD, tokens.provider(region.b)).status());
        assertEquals(400, api.get("/api/v1/scorecards?size=0", analyst).status());
    }

    @Test
    @Order(1)
    void marketShowsConcentration() {
        Map<String, Object> market = get("/api/v1/market?" + PERIOD, analyst);
        assertEquals(3, number(market, "providers"));
        assertEquals("100.0", market.get("top3Share").toString());
        assertEquals("100.0", market.get("top10Share").toString());
        // (500,000^2 + 120,000^2 + 100,000^2) * 10,000 / 720,000^2 = 5,293.2
        assertEquals("5293", market.get("hhi").toString());
        Map<String, Object> areas = list(market, "providersPerArea").stream()
                .collect(Collectors.toMap(r -> (String) r.get("area"), r -> r.get("providers")));
        assertEquals(Map.of("Leudal", 1, "Nederweert", 1, "Weert", 2), areas);
        assertEquals("69.4", list(market, "shares").get(0).get("spendShare").toString());
    }

    @Test
    @Order(1)
    void signalsFlagUpcodingCeilingsOverrunsAndOverdueRequests() {
        Map<String, Object> view = get("/api/v1/signals?" + PERIOD, analyst);
        List<Map<String, Object>> signals = list(view, "signals");
        assertEquals(List.of("UPCODING", "CEILING", "BUDGET_OVERRUN", "OVERDUE_REQUEST"),
                signals.stream().map(s -> s.get("kind")).toList(), signals.toString());
        Map<String, Object> upcoding = signals.get(0);
        assertEquals(region.b, upcoding.get("provider"));
        assertEquals(0, new java.math.BigDecimal("4.00").compareTo(new java.math.BigDecimal(upcoding.get("value").toString())), "B's mean intensity against the region's 3.00");
        Map<String, Object> ceiling = signals.get(1);
        assertEquals(region.contractK.toString(), ceiling.get("subject"));
        assertEquals("100.0", ceiling.get("value").toString());
        assertEquals("0988", signals.get(2).get("municipality"));
        Map<String, Object> overdue = signals.get(3);
        assertEquals(region.referralOverdue.toString(), overdue.get("subject"));
        assertEquals("14", overdue.get("value").toString());
        assertEquals("CRITICAL", overdue.get("severity"));

        List<Map<String, Object>> nederweert = list(get("/api/v1/signals?" + PERIOD,
                tokens.municipalityAnalyst("0946")), "signals");
        assertEquals(List.of("CEILING"), nederweert.stream().map(s -> s.get("kind")).toList(),
                "ceilings are regional; Weert's overrun and request are not Nederweert's");
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void dimensionsOfferEveryValueSeenInTheCallersScope() {
        for (String municipality : new String[]{null, "0988", "0946"}) {
            String token = municipality == null ? analyst : tokens.municipalityAnalyst(municipality);
            Map<String, Object> dimensions = (Map<String, Object>) get("/api/v1/dimensions", token).get("dimensions");
            String scope = municipality == null ? "" : " and municipality_code = '" + municipality + "'";
            // the definition, one column at a time
            assertEquals(distinct("select distinct municipality_code from (select municipality_code from"
                    + " allocation_fact union select municipality_code from budget_line_view) m where"
                    + " municipality_code is not null" + scope + " order by 1"), dimensions.get("municipalities"));
            assertEquals(distinct("select distinct segment from allocation_fact where segment is not null" + scope
                    + " order by 1"), dimensions.get("segments"));
            assertEquals(distinct("select distinct profile from allocation_fact where profile is not null" + scope
                    + " order by 1"), dimensions.get("profiles"));
            assertEquals(distinct("select a.agb || ' ' || coalesce(max(p.name), a.agb) from (select distinct"
                            + " provider_agb as agb from allocation_fact where provider_agb is not null" + scope
                            + ") a left join provider_view p on p.agb_code = a.agb group by a.agb"
                            + " order by coalesce(max(p.name), a.agb), a.agb"),
                    list(dimensions, "providers").stream().map(p -> p.get("agbCode") + " " + p.get("name")).toList());
            assertTrue(((List<?>) dimensions.get("segments")).contains("AMBULANT"), dimensions.toString());
        }
    }

    private List<String> distinct(String sql) {
        return transactions.executeRead(status -> db.query(sql, List.of(), rs -> rs.getString(1)));
    }

    @Test
    @Order(1)
    void figuresComeAsCsvToo() {
        Api.Response csv = api.get("/api/v1/pyramid?format=csv&" + PERIOD, analyst);
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\r\n");
        assertEquals("segment,clients,clientShare,spendCents,spend,spendShare,spendPerClientCents", lines[0]);
        assertEquals("AMBULANT,4,80.0,220000,€ 2.200,00,30.6,55000".replace("€ 2.200,00", "\"€ 2.200,00\""),
                lines[1]);
        Api.Response accepted = api.send("GET", "/api/v1/signals?" + PERIOD, analyst, null, null,
                Map.of("Accept", "text/csv"));
        assertTrue(accepted.contentType().startsWith("text/csv"), accepted.toString());
        assertTrue(accepted.body().startsWith("kind,severity,"), accepted.body());
    }

    @Test
    @Order(1)
    void refusesAnInvalidSliceWithProblemJson() {
        // an impossible date is refused with the other query parameters' checks (kit StrictQueryFilter)
        Api.Response date = api.get("/api/v1/pyramid?municipality=98&referrerType=07&from=2031-13-01", analyst);
        assertEquals(400, date.status(), date.toString());
        assertTrue(date.isProblem());
        assertTrue(date.body().contains("\"field\":\"from\""), date.body());
        Api.Response bad = api.get("/api/v1/pyramid?municipality=98&referrerType=07&from=2031-01-01", analyst);
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.isProblem());
        assertTrue(bad.body().contains("municipality must be a 4-digit CBS code"), bad.body());
        Api.Response backwards = api.get("/api/v1/pyramid?from=2031-05-01&to=2031-04-01", analyst);
        assertEquals(400, backwards.status());
        assertTrue(backwards.body().contains("before it starts"), backwards.body());
    }

    @Test
    @Order(2)
    void theSameEventsDeliveredTwiceLeaveEveryFigureAsItWas() {
        before = snapshot();
        region.publish(Infra.kafkaBootstrapServers(), json);
        ConsumerLag.awaitConsumed(Infra.kafkaBootstrapServers(), RegionScenario.TOPIC_BY_GROUP);
        assertEquals(before, snapshot());
    }

    @Test
    @Order(3)
    void aRebuildFromTheTopicsGivesTheSameFigures() {
        Map<String, String> expected = before == null ? snapshot() : before;
        String why = "{\"reason\":\"projection test\"}";
        assertEquals(403, api.post("/api/v1/admin/rebuild", tokens.municipalityAnalyst("0988"), why).status());
        assertEquals(400, api.post("/api/v1/admin/rebuild", tokens.procurementOfficer("MLW"), "{}").status(),
                "a rebuild needs a reason");
        Api.Response started = api.post("/api/v1/admin/rebuild", tokens.procurementOfficer("MLW"), why);
        assertEquals(202, started.status(), started.toString());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(api.get("/api/v1/admin/rebuild", analyst).json().get("state")));
        Map<String, Object> status = api.get("/api/v1/admin/rebuild", analyst).json();
        assertTrue(number(status, "eventsApplied") >= region.size(), status.toString());
        assertEquals(expected, snapshot());
    }

    private Map<String, String> snapshot() {
        return FIGURES.stream().collect(Collectors.toMap(f -> f, f -> {
            Api.Response r = api.get(f + "?" + PERIOD, analyst);
            assertEquals(200, r.status(), r.toString());
            return r.body();
        }));
    }

    private Map<String, Object> get(String path, String token) {
        Api.Response response = api.get(path, token);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String field) {
        return (List<Map<String, Object>>) json.get(field);
    }

    private static long number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).longValue();
    }

    private static void assertSegment(Map<String, Object> s, long clients, String clientShare, long spend,
                                      String spendShare) {
        assertEquals(clients, number(s, "clients"), s.toString());
        assertEquals(clientShare, s.get("clientShare").toString(), s.toString());
        assertEquals(spend, number(s, "spendCents"), s.toString());
        assertEquals(spendShare, s.get("spendShare").toString(), s.toString());
    }

    private static void assertCell(Map<String, Object> c, long clients, String clientShare, long spend,
                                   String spendShare) {
        assertSegment(c, clients, clientShare, spend, spendShare);
    }
}
