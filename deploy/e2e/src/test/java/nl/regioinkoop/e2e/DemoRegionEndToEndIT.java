package nl.regioinkoop.e2e;

import nl.regioinkoop.local.demo.DemoRegionLoader;
import nl.regioinkoop.local.demo.RegionPlan;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small demo region loaded through the four running services: the tender signs contracts, access teams
 * allocate against budgets, providers declare, and every service ends up agreeing on the money.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRegionEndToEndIT {
    // a BSN stands alone: not inside a hex pseudonym, not the nanoseconds of a timestamp
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9a-fA-F.])\\d{9}(?![0-9a-fA-F])");

    RunningPlatform platform;
    DemoRegionLoader.Summary summary;

    @BeforeAll
    void loadARegion() throws Exception {
        platform = RunningPlatform.get();
        RegionPlan plan = new RegionPlan(150, LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), 7L);
        summary = new DemoRegionLoader(platform.access.baseUrl(), platform.contracting.baseUrl(),
                platform.provider.baseUrl(), platform.tokens, plan).load();
    }

    @Test
    void theTenderSignedAContractPerAwardedBidAndEveryJourneyWasLoaded() {
        assertEquals(28, summary.contracts(), "30 providers, three of them in one partnership bid");
        assertEquals(150, summary.clients());
        assertTrue(summary.allocations() > 100, "most journeys need specialist care: " + summary);
        assertTrue(summary.declarationLines() > summary.allocations(), "months of care were declared: " + summary);
    }

    @Test
    void realisedBudgetsEqualTheAcceptedDeclarationsPerMunicipality() {
        // other tests share this platform: compare per municipality, over everything on the topic
        Map<String, Long> declared = new java.util.TreeMap<>();
        TopicReader.readAll(Infra.kafkaBootstrapServers(), "provider.reports.v1").stream()
                .filter(m -> "DeclarationAccepted".equals(m.type()))
                .forEach(m -> declared.merge(field(m.value(), "municipalityCode"), amount(m.value()), Long::sum));
        assertTrue(declared.keySet().containsAll(List.of("0988", "0946", "1640")), "declared: " + declared);
        for (Map.Entry<String, Long> municipality : declared.entrySet()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertEquals(municipality.getValue(), realisedInAccess(municipality.getKey()),
                            "realised in access-service for " + municipality.getKey()));
        }
    }

    @Test
    void noBsnTravelsOnAnyTopic() {
        for (String topic : List.of("access.referrals.v1", "access.allocations.v1", "access.budgets.v1",
                "provider.providers.v1", "provider.reports.v1", "contracting.contracts.v1", "contracting.tenders.v1")) {
            for (TopicReader.Message message : TopicReader.readAll(Infra.kafkaBootstrapServers(), topic)) {
                Matcher digits = NINE_DIGITS.matcher(message.value());
                while (digits.find()) {
                    assertTrue(!passesElfproef(digits.group()),
                            "a BSN-like number on " + topic + ": " + message.value());
                }
            }
        }
    }

    private long realisedInAccess(String municipality) {
        long total = 0;
        Api.Response budgets = platform.access.get("/api/v1/budgets?size=100",
                platform.tokens.accessOfficer(municipality));
        assertEquals(200, budgets.status(), budgets.toString());
        for (Object line : (List<?>) budgets.json().get("content")) {
            total += ((Number) ((Map<?, ?>) line).get("realisedCents")).longValue();
        }
        return total;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static long amount(String json) {
        Matcher m = Pattern.compile("\"amountCents\":(-?\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    static boolean passesElfproef(String digits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        return (sum - (digits.charAt(8) - '0')) % 11 == 0;
    }
}
