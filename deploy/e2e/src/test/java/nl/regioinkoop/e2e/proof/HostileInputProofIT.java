package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.e2e.RunningPlatform;
import nl.regioinkoop.e2e.proof.TwoTenants.Side;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of hostile requests across the four running services, aimed at real data of two tenants: invalid
 * BSNs, wrong code lists, unknown ids, periods that end before they start, volumes beyond reason, another
 * tenant's ids, oversized bodies, deeply nested JSON, injection strings, wrong content types, malformed JSON and
 * impossible dates. Every one must be answered 4xx with problem+json, none 5xx, and nothing may change: every
 * table of every service's database (access's audit log aside, which records refusals on purpose) and the number
 * of records on every topic are the same before and after.
 * <p>
 * Declaration lines are the exception the domain makes: provider-service answers each line of a JW323 declaration
 * (JW325 meaning), so an overlapping period, a volume beyond the allocation or a period that ends before it starts
 * is a 200 whose line is REJECTED with its reason code, recorded and published for monitoring. Those are checked
 * apart: rejected with the right code, and no money moved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputProofIT {
    private static final Set<String> SERVICES = Set.of("access", "contracting", "provider", "monitoring");

    /** Categories whose answer the issue names exactly (405 also takes 404); the rest must be some 4xx problem. */
    private static final Map<String, Integer> EXACT = Map.of("JSON as another type", 415,
            "coerced JSON", 400, "control characters", 400, "content after the JSON", 400,
            "query parameters", 400, "date beyond any calendar", 400, "unknown path or method", 405);

    private RunningPlatform platform;
    private TwoTenants tenants;
    private Tokens tokens;

    private record Case(String category, String service, String method, String path, String token,
                        String contentType, Supplier<String> body, long oversizedBytes) {
    }

    private final List<Case> corpus = new ArrayList<>();

    @BeforeAll
    void realDataOfTwoTenants() {
        platform = RunningPlatform.get();
        tenants = TwoTenants.on(platform);
        tokens = platform.tokens;
    }

    private Api api(String service) {
        return switch (service) {
            case "access" -> platform.access;
            case "contracting" -> platform.contracting;
            case "provider" -> platform.provider;
            case "monitoring" -> platform.monitoring;
            default -> throw new IllegalArgumentException(service);
        };
    }

    private void add(String category, String service, String method, String path, String token, String json) {
        corpus.add(new Case(category, service, method, path, token, json == null ? null : "application/json",
                () -> json, 0));
    }

    private void add(String category, String service, String method, String path, String token,
                     String contentType, String body) {
        corpus.add(new Case(category, service, method, path, token, contentType, () -> body, 0));
    }

    private static String json(Object... keysAndValues) {
        return Json.write(Json.object(keysAndValues));
    }

    private static String random() {
        return UUID.randomUUID().toString();
    }

    @Test
    void hostileRequestsAreRefusedWithProblemJsonAndChangeNothing() {
        buildCorpus();
        buildStrictCorpus();
        Wire wire = new Wire(Infra.kafkaBootstrapServers());
        awaitQuiet(wire);
        Map<String, String> before = snapshot(wire);

        Map<String, Map<String, Integer>> perCategory = new TreeMap<>();
        Map<String, Integer> perService = new TreeMap<>();
        Map<Integer, Integer> perStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Case c : corpus) {
            Api.Response r = send(c);
            perCategory.computeIfAbsent(c.category(), k -> new TreeMap<>()).merge(c.service(), 1, Integer::sum);
            perService.merge(c.service(), 1, Integer::sum);
            perStatus.merge(r.status(), 1, Integer::sum);
            Integer expected = EXACT.get(c.category());
            if (r.status() < 400 || r.status() >= 500 || !r.isProblem()
                    || expected != null && expected != r.status() && !(expected == 405 && r.status() == 404)) {
                wrong.add(c.category() + " " + c.method() + " " + c.service() + c.path() + " -> "
                        + (r.body().length() > 300 ? r.toString().substring(0, 300) + "..." : r));
            }
        }

        awaitQuiet(wire);
        Map<String, String> after = snapshot(wire);
        Map<String, String> changed = new TreeMap<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changed.put(k, before.get(k) + " -> " + v);
            }
        });

        System.out.printf("PROOF hostile input: %d requests, per service %s, answers %s%n", corpus.size(),
                perService, perStatus);
        perCategory.forEach((category, services) -> System.out.printf("PROOF hostile input: %-28s %3d %s%n",
                category, services.values().stream().mapToInt(Integer::intValue).sum(), services));
        System.out.printf("PROOF hostile input: answered other than 4xx problem+json: %d; tables and topics "
                + "compared: %d, changed: %d%n", wrong.size(), after.size(), changed.size());
        changed.forEach((what, how) -> System.out.println("PROOF hostile input: CHANGED " + what + ": " + how));
        wrong.forEach(w -> System.out.println("PROOF hostile input: WRONG " + w));
        assertTrue(corpus.size() >= 200, "a corpus of at least 200 requests");
        assertEquals(SERVICES, perService.keySet(), "every service gets hostile input");
        assertEquals(List.of(), wrong, "every hostile request is refused with 4xx problem+json");
        assertEquals(Map.of(), changed, "a refused request changes nothing");
    }

    @Test
    void declarationLinesThatCannotBeAcceptedAreRejectedWithTheirReasonAndMoveNoMoney() {
        Side w = tenants.weert;
        String token = tokens.provider(w.agb());
        Map<String, Object> budgetBefore = platform.access.get("/api/v1/budgets/" + w.budgetLineId(),
                tokens.accessOfficer(w.municipality())).json();
        int acceptedBefore = accepted(token).size();
        java.time.LocalDate march = TwoTenants.CARE_FROM;
        java.time.LocalDate april = march.plusMonths(1);
        World world = World.of(platform);
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        answers.put("D09 overlapping declaration (March again)", world.declare(w.agb(), w.allocationId(),
                w.product(), march.plusDays(9), march.plusDays(19), 1, null));
        answers.put("D10 volume above the allocation", world.declare(w.agb(), w.allocationId(), w.product(),
                april, april.withDayOfMonth(30), TwoTenants.ALLOCATED_HOURS + 1, null));
        answers.put("D01 period ending before it starts", world.declare(w.agb(), w.allocationId(), w.product(),
                april.withDayOfMonth(20), april.withDayOfMonth(10), 1, null));
        answers.put("D01 period spanning two months", world.declare(w.agb(), w.allocationId(), w.product(),
                april.withDayOfMonth(20), april.plusMonths(1).withDayOfMonth(10), 1, null));
        answers.put("D03 period outside the allocation", world.declare(w.agb(), w.allocationId(), w.product(),
                march.minusMonths(1), march.minusDays(1), 1, null));
        Map<String, String> codes = new LinkedHashMap<>();
        answers.forEach((what, r) -> {
            assertEquals(200, r.status(), what + ": " + r);
            assertEquals("REJECTED", Json.text(r.json(), "status"), what + ": " + r);
            codes.put(what, Json.text(r.json(), "reasonCode"));
            assertEquals(what.substring(0, 3), Json.text(r.json(), "reasonCode"), what + ": " + r);
        });
        Map<String, Object> budgetAfter = platform.access.get("/api/v1/budgets/" + w.budgetLineId(),
                tokens.accessOfficer(w.municipality())).json();
        System.out.printf("PROOF hostile input: declaration lines answered per line (JW325): %s; accepted lines "
                + "%d -> %d, realised %s -> %s%n", codes, acceptedBefore, accepted(token).size(),
                budgetBefore.get("realisedCents"), budgetAfter.get("realisedCents"));
        assertEquals(acceptedBefore, accepted(token).size(), "no line accepted");
        assertEquals(budgetBefore.get("realisedCents"), budgetAfter.get("realisedCents"), "no money realised");
        assertEquals(budgetBefore.get("committedCents"), budgetAfter.get("committedCents"), "no money moved");
    }

    private List<Map<String, Object>> accepted(String providerToken) {
        return Json.content(platform.provider.get("/api/v1/declarations?status=ACCEPTED&size=200", providerToken)
                .json());
    }

    /** Every reader caught up and every outbox relayed: from here on nothing moves by itself. */
    private void awaitQuiet(Wire wire) {
        await("the shared platform is quiet").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, Long> lag = wire.lagPerGroup();
                    assertTrue(lag.values().stream().allMatch(l -> l == 0), "consumer lag " + lag);
                    for (String s : SERVICES) {
                        assertEquals(0, Databases.unpublished(RunningPlatform.database(s)), s + " outbox");
                    }
                });
    }

    private static Map<String, String> snapshot(Wire wire) {
        Map<String, String> state = new TreeMap<>();
        for (String s : SERVICES) {
            // access writes refusals to its audit log on purpose; everything else must stay as it was
            state.putAll(Databases.fingerprint(RunningPlatform.database(s), Set.of("audit_log")));
        }
        wire.recordsPerTopic().forEach((topic, records) -> state.put("topic " + topic, records + " records"));
        return state;
    }

    private Api.Response send(Case c) {
        if (c.oversizedBytes() > 0) {
            return sendOversized(c);
        }
        try {
            return api(c.service()).send(c.method(), c.path(), c.token(), c.contentType(), c.body().get(), Map.of());
        } catch (UncheckedIOException e) {
            return new Api.Response(599, "", "no answer: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void buildCorpus() {
        Side w = tenants.weert;
        Side n = tenants.nederweert;
        String officer = tokens.accessOfficer(w.municipality());
        String otherOfficer = tokens.accessOfficer(n.municipality());
        String otherAnalyst = tokens.municipalityAnalyst(n.municipality());
        String provider = tokens.provider(w.agb());
        String otherProvider = tokens.provider(n.agb());
        String procurement = tokens.procurementOfficer(World.REGION);
        String otherProcurement = tokens.procurementOfficer(TwoTenants.OTHER_REGION);
        String analyst = tokens.regionAnalyst(World.REGION);
        String otherRegionAnalyst = tokens.regionAnalyst(TwoTenants.OTHER_REGION);
        String allocation = "/api/v1/allocations/" + w.allocationId();
        String contract = "/api/v1/contracts/" + w.contractId();
        String tender = "/api/v1/tenders/" + tenants.tenderId;

        // invalid BSNs
        for (String bsn : List.of(Bsns.failingElfproef(), Bsns.failingElfproef(), Bsns.failingElfproef(), "12345678",
                "1234567890", "12345678a", "", "999 900 006", "-99990000", "000000000")) {
            add("invalid BSN", "access", "POST", "/api/v1/clients", officer, json("bsn", bsn, "name", "Proef",
                    "birthDate", "2010-01-01", "municipalityCode", w.municipality()));
        }
        for (String bsn : List.of(Bsns.failingElfproef(), "12345678", "abcdefghi", "1' OR '1'='1")) {
            add("invalid BSN", "access", "POST", "/api/v1/clients/search", officer, json("bsn", bsn));
        }

        // wrong code lists
        for (String referrer : List.of("07", "00", "09", "2", "AB")) {
            add("wrong code list", "access", "POST", "/api/v1/referrals", officer, json("clientId", w.client().id(),
                    "referrerType", referrer, "referralDate", "2026-02-02", "question", "Proef", "crisis", false));
        }
        for (String[] unitAndFrequency : new String[][]{{"02", "6"}, {"99", "6"}, {"04", "3"}, {"04", "5"}}) {
            add("wrong code list", "access", "POST", "/api/v1/allocations", officer, json("referralId",
                    w.referralId(), "providerAgb", w.agb(), "productCode", w.product().code(), "volume", 2,
                    "unit", unitAndFrequency[0], "frequency", unitAndFrequency[1], "validFrom", "2026-09-01",
                    "validTo", "2026-09-30", "chosenByFamily", true));
        }
        for (String reason : List.of("99", "01", "30", "3A")) {
            add("wrong code list", "access", "POST", allocation + "/end", officer,
                    json("endDate", "2026-06-30", "reasonCode", reason));
        }
        add("wrong code list", "access", "POST", allocation + "/withdrawal", officer, json("reasonCode", "99"));
        for (String reason : List.of("0", "10", "X")) {
            add("wrong code list", "access", "POST", "/api/v1/allocation-requests/" + w.requestId() + "/rejection",
                    officer, json("reasonCode", reason));
        }
        add("wrong code list", "access", "PUT", "/api/v1/referrals/" + w.referralId() + "/triage", officer,
                json("segment", "NO_SUCH_SEGMENT", "profile", "P3", "intensity", 3, "outcome", "SPECIALIST_CARE"));
        add("wrong code list", "access", "PUT", "/api/v1/referrals/" + w.referralId() + "/triage", officer,
                json("segment", w.product().segment(), "profile", "P10", "intensity", 3, "outcome", "SPECIALIST_CARE"));
        add("wrong code list", "access", "PUT", "/api/v1/referrals/" + w.referralId() + "/triage", officer,
                json("segment", w.product().segment(), "profile", "P3", "intensity", 8, "outcome", "SPECIALIST_CARE"));
        add("wrong code list", "access", "PUT", "/api/v1/referrals/" + w.referralId() + "/triage", officer,
                json("segment", w.product().segment(), "profile", "P3", "intensity", 3, "outcome", "MAYBE"));
        for (String reason : List.of("99", "01", "30")) {
            add("wrong code list", "provider", "POST", allocation + "/stop", provider,
                    json("stopDate", "2026-06-30", "reasonCode", reason));
        }
        for (String[] unitAndCategory : new String[][]{{"02", w.product().category()}, {"99", w.product().category()},
                {w.product().unit(), "7"}, {w.product().unit(), "ABC"}}) {
            add("wrong code list", "provider", "POST", "/api/v1/declarations", provider, json("allocationId",
                    w.allocationId(), "periodStart", "2026-05-01", "periodEnd", "2026-05-31", "productCode",
                    w.product().code(), "productCategory", unitAndCategory[1], "volume", 1, "unit", unitAndCategory[0],
                    "tariffCents", w.product().tariffCents(), "amountCents", w.product().tariffCents()));
        }
        add("wrong code list", "provider", "POST", allocation + "/outcome", provider,
                json("goalRealised", "MAYBE", "satisfaction", 7));
        add("wrong code list", "provider", "POST", allocation + "/outcome", provider,
                json("goalRealised", "YES", "satisfaction", 11));
        add("wrong code list", "provider", "POST", "/api/v1/providers", procurement,
                json("agbCode", World.newAgb(), "kvkNumber", "60000001", "name", "Proef", "kind", "BAKERY"));
        add("wrong code list", "provider", "PUT", "/api/v1/providers/" + w.agb() + "/tier", procurement,
                json("tier", "GOLD", "reason", "proef"));
        for (String[] product : new String[][]{{"99", "PXQ", "04"}, {"39", "PXQ", "04"}, {"45", "PXQ_PLUS", "04"},
                {"45", "PXQ", "02"}, {"45", "PXQ", "99"}}) {
            add("wrong code list", "contracting", "POST", "/api/v1/contracts", procurement, localContract(w,
                    product[0], product[1], product[2], "2026-01-01", null, "SELECTIVE"));
        }
        add("wrong code list", "contracting", "POST", "/api/v1/contracts", procurement,
                localContract(w, "45", "PXQ", "04", "2026-01-01", null, "OPEN_DOOR"));
        add("wrong code list", "contracting", "POST", "/api/v1/strategies", procurement, json("round", "proef",
                "segment", "WMO_ELDERLY", "supplyRisk", "MEDIUM", "financialImpact", "LOW", "fundingModel", "PXQ",
                "contractForm", "SELECTIVE", "targetProviders", 2));
        add("wrong code list", "contracting", "POST", tender + "/phase", procurement, json("phase", "AUCTION"));
        for (String query : List.of("referrerType=07", "municipality=12345", "municipality=abcd", "provider=1234",
                "segment=" + "X".repeat(300), "format=xml")) {
            for (String figure : List.of("/pyramid", "/referrers")) {
                add("wrong code list", "monitoring", "GET", "/api/v1" + figure + "?" + query, analyst, null);
            }
        }

        // unknown ids
        for (String path : List.of("/api/v1/clients/", "/api/v1/referrals/", "/api/v1/allocations/",
                "/api/v1/family-plans/", "/api/v1/budgets/")) {
            add("unknown id", "access", "GET", path + random(), officer, null);
        }
        add("unknown id", "access", "POST", "/api/v1/allocations/" + random() + "/end", officer,
                json("endDate", "2026-06-30", "reasonCode", "31"));
        add("unknown id", "access", "POST", "/api/v1/allocations/" + random() + "/withdrawal", officer, json());
        add("unknown id", "access", "PUT", "/api/v1/referrals/" + random() + "/triage", officer,
                json("segment", "AMBULANT", "profile", "P3", "intensity", 3, "outcome", "SPECIALIST_CARE"));
        add("unknown id", "access", "POST", "/api/v1/allocations", officer, json("referralId", random(),
                "providerAgb", w.agb(), "productCode", w.product().code(), "volume", 2, "unit", "04",
                "frequency", "6", "validFrom", "2026-09-01", "validTo", "2026-09-30", "chosenByFamily", true));
        add("unknown id", "access", "POST", "/api/v1/allocations", officer, json("referralId", w.referralId(),
                "providerAgb", "00000001", "productCode", w.product().code(), "volume", 2, "unit", "04",
                "frequency", "6", "validFrom", "2026-09-01", "validTo", "2026-09-30", "chosenByFamily", true));
        add("unknown id", "access", "POST", "/api/v1/referrals", officer, json("clientId", random(),
                "referrerType", "02", "referralDate", "2026-02-02", "question", "Proef", "crisis", false));
        add("unknown id", "access", "GET", "/api/v1/allocations/" + random() + "/client", provider, null);
        add("unknown id", "provider", "GET", "/api/v1/allocations/" + random(), provider, null);
        add("unknown id", "provider", "POST", "/api/v1/allocations/" + random() + "/start", provider,
                json("startDate", "2026-03-02"));
        add("unknown id", "provider", "GET", "/api/v1/providers/00000001", procurement, null);
        add("unknown id", "provider", "GET", "/api/v1/providers/00000001/history", procurement, null);
        add("unknown id", "provider", "GET", "/api/v1/consortia/" + random(), procurement, null);
        add("unknown id", "provider", "POST", "/api/v1/waiting-times", provider, json("allocationId", random(),
                "requestDate", "2026-02-02", "startDate", "2026-03-01"));
        add("unknown id", "provider", "POST", "/api/v1/consortia", procurement, json("name", "Proef",
                "members", List.of(json("agbCode", "00000001", "role", "LEAD", "shareBasisPoints", 7000),
                        Json.object("agbCode", "00000002", "role", "MEMBER", "shareBasisPoints", 3000))));
        for (String path : List.of("/api/v1/contracts/", "/api/v1/tenders/", "/api/v1/strategies/")) {
            add("unknown id", "contracting", "GET", path + random(), procurement, null);
        }
        add("unknown id", "contracting", "POST", "/api/v1/contracts/" + random() + "/suspension", procurement,
                json("from", "2026-12-01", "reason", "proef"));
        add("unknown id", "contracting", "POST", "/api/v1/tenders/" + random() + "/phase", procurement,
                json("phase", "PUBLICATION"));
        add("unknown id", "contracting", "POST", "/api/v1/tenders", procurement, json("strategyId", random(),
                "title", "Proef", "lots", List.of(), "submissionDeadline", "2027-03-01"));
        add("unknown id", "monitoring", "GET", "/api/v1/scorecards/00000001", analyst, null);

        // periods ending before they start
        add("period ends before start", "access", "POST", "/api/v1/allocations", officer, json("referralId",
                w.referralId(), "providerAgb", w.agb(), "productCode", w.product().code(), "volume", 2, "unit", "04",
                "frequency", "6", "validFrom", "2026-09-30", "validTo", "2026-09-01", "chosenByFamily", true));
        add("period ends before start", "access", "POST", allocation + "/change", officer,
                json("validFrom", "2026-08-01", "validTo", "2026-07-01"));
        add("period ends before start", "access", "POST", allocation + "/end", officer,
                json("endDate", "2026-02-01", "reasonCode", "31"));
        add("period ends before start", "access", "POST", allocation + "/extension", officer,
                json("validTo", "2026-01-31"));
        add("period ends before start", "provider", "POST", "/api/v1/waiting-times", provider,
                json("allocationId", w.allocationId(), "requestDate", "2026-03-10", "startDate", "2026-03-01"));
        add("period ends before start", "provider", "POST", allocation + "/stop", provider,
                json("stopDate", "2026-02-27", "reasonCode", "31"));
        add("period ends before start", "contracting", "POST", "/api/v1/contracts", procurement,
                localContract(w, "45", "PXQ", "04", "2026-01-01", "2025-12-31", "SELECTIVE"));
        add("period ends before start", "contracting", "POST", contract + "/termination", procurement,
                json("endDate", "2025-12-31", "reason", "proef"));
        add("period ends before start", "contracting", "POST", contract + "/tariff-amendments", procurement,
                json("effectiveFrom", "2025-06-01", "reason", "proef", "tariffs", List.of(Json.object(
                        "productCategory", w.product().category(), "productCode", w.product().code(),
                        "amountCents", 5_500))));
        for (String figure : List.of("/pyramid", "/budgets", "/referrers", "/market", "/signals", "/scorecards")) {
            add("period ends before start", "monitoring", "GET", "/api/v1" + figure
                    + "?from=2026-12-31&to=2026-01-01", analyst, null);
        }

        // volumes beyond reason
        for (Object volume : List.of(0, -5, 1_000_000_000_000L, Long.MAX_VALUE)) {
            add("volume beyond reason", "access", "POST", "/api/v1/allocations", officer, json("referralId",
                    w.referralId(), "providerAgb", w.agb(), "productCode", w.product().code(), "volume", volume,
                    "unit", "04", "frequency", "6", "validFrom", "2026-09-01", "validTo", "2026-09-30",
                    "chosenByFamily", true));
        }
        add("volume beyond reason", "access", "POST", allocation + "/change", officer, json("volume", 0));
        add("volume beyond reason", "access", "POST", allocation + "/change", officer,
                json("volume", Long.MAX_VALUE));
        for (Object volume : List.of(0, -1)) {
            add("volume beyond reason", "provider", "POST", "/api/v1/declarations", provider, json("allocationId",
                    w.allocationId(), "periodStart", "2026-05-01", "periodEnd", "2026-05-31", "productCode",
                    w.product().code(), "volume", volume, "unit", "04", "tariffCents", w.product().tariffCents(),
                    "amountCents", 0));
        }
        add("volume beyond reason", "provider", "POST", "/api/v1/declarations", provider,
                "application/json", "{\"allocationId\":\"" + w.allocationId() + "\",\"periodStart\":\"2026-05-01\","
                        + "\"periodEnd\":\"2026-05-31\",\"productCode\":\"" + w.product().code() + "\",\"volume\":1e30,"
                        + "\"unit\":\"04\",\"tariffCents\":5400,\"amountCents\":5400}");
        add("volume beyond reason", "contracting", "POST", "/api/v1/contracts", procurement,
                localContract(w, "45", "PXQ", "04", "2026-01-01", null, "SELECTIVE").replace("\"amountCents\":4321",
                        "\"amountCents\":-4321"));

        // another tenant's ids
        for (String path : List.of("/api/v1/clients/" + w.client().id(), "/api/v1/referrals/" + w.referralId(),
                allocation, "/api/v1/family-plans/" + w.familyPlanId(), "/api/v1/budgets/" + w.budgetLineId())) {
            add("another tenant's id", "access", "GET", path, otherOfficer, null);
        }
        for (String path : List.of("/api/v1/referrals/" + w.referralId(), allocation,
                "/api/v1/budgets/" + w.budgetLineId())) {
            add("another tenant's id", "access", "GET", path, otherAnalyst, null);
        }
        add("another tenant's id", "access", "PUT", "/api/v1/referrals/" + w.referralId() + "/triage", otherOfficer,
                json("segment", w.product().segment(), "profile", "P3", "intensity", 3, "outcome", "SPECIALIST_CARE"));
        add("another tenant's id", "access", "POST", "/api/v1/allocations", otherOfficer, json("referralId",
                w.referralId(), "providerAgb", w.agb(), "productCode", w.product().code(), "volume", 2, "unit", "04",
                "frequency", "6", "validFrom", "2026-09-01", "validTo", "2026-09-30", "chosenByFamily", true));
        add("another tenant's id", "access", "POST", allocation + "/end", otherOfficer,
                json("endDate", "2026-06-30", "reasonCode", "31"));
        add("another tenant's id", "access", "POST", allocation + "/withdrawal", otherOfficer, json());
        add("another tenant's id", "access", "POST", allocation + "/change", otherOfficer, json("volume", 30));
        add("another tenant's id", "access", "PUT", "/api/v1/budgets/" + w.budgetLineId(), otherOfficer,
                json("amountCents", 1));
        add("another tenant's id", "access", "POST", "/api/v1/family-plans/" + w.familyPlanId() + "/goals",
                otherOfficer, json("domain", "WMO", "description", "Proef"));
        add("another tenant's id", "access", "PUT", "/api/v1/family-plans/" + w.familyPlanId() + "/goals/"
                + w.goalId(), otherOfficer, json("status", "ACHIEVED"));
        add("another tenant's id", "access", "POST", "/api/v1/clients", otherOfficer, json("bsn", Bsns.random(),
                "name", "Proef", "birthDate", "2010-01-01", "municipalityCode", w.municipality()));
        add("another tenant's id", "access", "POST", "/api/v1/budgets", otherOfficer, json("municipalityCode",
                w.municipality(), "year", 2035, "line", "AMBULANT", "amountCents", 1));
        add("another tenant's id", "access", "POST", "/api/v1/referrals", otherOfficer, json("clientId",
                w.client().id(), "referrerType", "02", "referralDate", "2026-02-02", "question", "Proef",
                "crisis", false));
        add("another tenant's id", "access", "POST", "/api/v1/allocation-requests/" + w.requestId() + "/rejection",
                otherOfficer, json("reasonCode", "7"));
        add("another tenant's id", "access", "GET", allocation + "/client", otherProvider, null);
        add("another tenant's id", "provider", "GET", allocation, otherProvider, null);
        add("another tenant's id", "provider", "POST", allocation + "/start", otherProvider,
                json("startDate", "2026-03-02"));
        add("another tenant's id", "provider", "POST", allocation + "/stop", otherProvider,
                json("stopDate", "2026-06-30", "reasonCode", "31"));
        add("another tenant's id", "provider", "POST", allocation + "/outcome", otherProvider,
                json("goalRealised", "YES", "satisfaction", 8));
        add("another tenant's id", "provider", "POST", "/api/v1/waiting-times", otherProvider,
                json("allocationId", w.allocationId(), "requestDate", "2026-02-02", "startDate", "2026-03-01"));
        add("another tenant's id", "provider", "POST", "/api/v1/declarations", otherProvider, json("allocationId",
                w.allocationId(), "periodStart", "2026-05-01", "periodEnd", "2026-05-31", "productCode",
                w.product().code(), "volume", 1, "unit", "04", "tariffCents", 5_400, "amountCents", 5_400));
        add("another tenant's id", "provider", "POST", "/api/v1/declarations/bulk", otherProvider, json("lines",
                List.of(Json.object("allocationId", n.allocationId(), "periodStart", "2026-05-01", "periodEnd",
                                "2026-05-31", "productCode", n.product().code(), "volume", 1, "unit", "04",
                                "tariffCents", 5_400, "amountCents", 5_400),
                        Json.object("allocationId", w.allocationId(), "periodStart", "2026-05-01", "periodEnd",
                                "2026-05-31", "productCode", w.product().code(), "volume", 1, "unit", "04",
                                "tariffCents", 5_400, "amountCents", 5_400))));
        add("another tenant's id", "provider", "GET", "/api/v1/providers/" + w.agb() + "/tier?region=MLW",
                otherProvider, null);
        // a tier is per region: another region's office may set its own, but not read this region's
        add("another tenant's id", "provider", "GET", "/api/v1/providers/" + w.agb() + "/tier?region=MLW",
                otherProcurement, null);
        add("another tenant's id", "contracting", "GET", contract, otherOfficer, null);
        add("another tenant's id", "contracting", "GET", contract, otherProvider, null);
        add("another tenant's id", "contracting", "GET", contract + "/history", otherAnalyst, null);
        add("another tenant's id", "contracting", "GET", contract, otherProcurement, null);
        add("another tenant's id", "contracting", "GET", contract, otherRegionAnalyst, null);
        add("another tenant's id", "contracting", "POST", contract + "/extension", otherProcurement, null);
        add("another tenant's id", "contracting", "POST", contract + "/suspension", otherProcurement,
                json("from", "2026-12-01", "reason", "proef"));
        add("another tenant's id", "contracting", "GET", tender, otherProcurement, null);
        add("another tenant's id", "contracting", "POST", tender + "/phase", otherProcurement,
                json("phase", "PUBLICATION"));
        for (String figure : List.of("/pyramid", "/budgets", "/referrers", "/signals", "/market", "/scorecards")) {
            add("another tenant's id", "monitoring", "GET", "/api/v1" + figure + "?municipality="
                    + w.municipality(), otherAnalyst, null);
        }
        add("another tenant's id", "monitoring", "GET", "/api/v1/scorecards/" + w.agb(), otherProvider, null);
        add("another tenant's id", "monitoring", "GET", "/api/v1/pyramid", otherRegionAnalyst, null);
        add("another tenant's id", "monitoring", "POST", "/api/v1/admin/rebuild", otherProcurement,
                json("reason", "proef"));

        // oversized bodies: beyond the configured maximum request size (Micronaut's 10 MB; provider 64 MB)
        corpus.add(new Case("oversized body", "access", "POST", "/api/v1/clients", officer, "application/json",
                null, 11L << 20));
        corpus.add(new Case("oversized body", "contracting", "POST", "/api/v1/contracts", procurement,
                "application/json", null, 11L << 20));
        corpus.add(new Case("oversized body", "monitoring", "POST", "/api/v1/admin/rebuild", analyst,
                "application/json", null, 11L << 20));
        corpus.add(new Case("oversized body", "provider", "POST", "/api/v1/declarations/bulk", provider,
                "application/json", null, 65L << 20));

        // deeply nested JSON
        String nested = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        String nestedArray = "[".repeat(10_000) + "]".repeat(10_000);
        for (String[] target : new String[][]{{"access", "/api/v1/clients", officer},
                {"access", "/api/v1/allocations", officer}, {"contracting", "/api/v1/contracts", procurement},
                {"contracting", "/api/v1/strategies", procurement}, {"provider", "/api/v1/declarations/bulk", provider},
                {"provider", "/api/v1/providers", procurement}, {"monitoring", "/api/v1/admin/rebuild", analyst}}) {
            add("deeply nested JSON", target[0], "POST", target[1], target[2], nested);
            add("deeply nested JSON", target[0], "POST", target[1], target[2], nestedArray);
        }
        add("deeply nested JSON", "provider", "POST", "/api/v1/declarations/bulk", provider,
                "{\"lines\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");

        // injection strings in validated fields, queries and paths
        String sql = "0988' OR '1'='1";
        add("injection string", "access", "POST", "/api/v1/clients", officer, json("bsn", "999900006' --",
                "name", "Proef", "birthDate", "2010-01-01", "municipalityCode", w.municipality()));
        add("injection string", "access", "POST", "/api/v1/clients", officer, json("bsn", Bsns.random(),
                "name", "Proef", "birthDate", "2010-01-01", "municipalityCode", sql));
        add("injection string", "access", "POST", "/api/v1/budgets", officer, json("municipalityCode",
                w.municipality(), "year", 2035, "line", "AMBULANT'; DROP TABLE budget_line; --", "amountCents", 1));
        add("injection string", "access", "GET", "/api/v1/budgets?year=2026%3B%20drop%20table%20budget_line",
                officer, null);
        add("injection string", "access", "GET", "/api/v1/clients/%27%20or%201%3D1%20--", officer, null);
        add("injection string", "access", "GET", "/api/v1/referrals/" + w.referralId() + "/eligible-providers"
                + "?productCode=45A48%27%20or%20%271%27%3D%271", officer, null);
        add("injection string", "access", "POST", "/api/v1/allocations", officer, json("referralId",
                w.referralId(), "providerAgb", "1' OR 1=1", "productCode", "<script>", "volume", 2, "unit", "04",
                "frequency", "6", "validFrom", "2026-09-01", "validTo", "2026-09-30", "chosenByFamily", true));
        add("injection string", "provider", "GET", "/api/v1/providers/%27%20or%201%3D1--", procurement, null);
        add("injection string", "provider", "GET", "/api/v1/declarations?status=ACCEPTED%27%20OR%201%3D1",
                provider, null);
        add("injection string", "provider", "POST", "/api/v1/providers", procurement, json("agbCode",
                "1'; DROP TABLE provider; --", "kvkNumber", "60000001", "name", "Proef", "kind", "YOUTH_CARE"));
        add("injection string", "provider", "POST", "/api/v1/declarations", provider, json("allocationId",
                w.allocationId(), "periodStart", "2026-05-01", "periodEnd", "2026-05-31", "productCode",
                "'; --", "volume", 1, "unit", "04", "tariffCents", 5_400, "amountCents", 5_400));
        add("injection string", "contracting", "GET", "/api/v1/contracts?municipality=%3Cscript%3E", procurement,
                null);
        add("injection string", "contracting", "GET", "/api/v1/contracts?providerAgb=1%27%20OR%201%3D1",
                procurement, null);
        add("injection string", "contracting", "GET", "/api/v1/contracts/%27%3B%20drop%20table%20contract",
                procurement, null);
        add("injection string", "contracting", "POST", "/api/v1/contracts", procurement,
                localContract(w, "45", "PXQ", "04", "2026-01-01", null, "SELECTIVE")
                        .replace("\"providerAgb\":\"" + w.agb() + "\"", "\"providerAgb\":\"1' OR 1=1\""));
        add("injection string", "monitoring", "GET", "/api/v1/pyramid?municipality=" + sql.replace(" ", "%20")
                .replace("'", "%27"), analyst, null);
        add("injection string", "monitoring", "GET", "/api/v1/scorecards/%27%20or%201%3D1", analyst, null);
        add("injection string", "monitoring", "GET", "/api/v1/pyramid?segment=%27%3B%20drop%20table%20x%3B--"
                + "&from=2026-01-01%27", analyst, null);

        // wrong content types
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            add("wrong content type", "access", "POST", "/api/v1/clients", officer, contentType,
                    "bsn=" + Bsns.random() + "&name=Proef");
            add("wrong content type", "access", "POST", "/api/v1/allocations", officer, contentType, "<a/>");
            add("wrong content type", "contracting", "POST", "/api/v1/contracts", procurement, contentType, "<a/>");
            add("wrong content type", "provider", "POST", "/api/v1/declarations", provider, contentType, "<a/>");
            add("wrong content type", "provider", "POST", "/api/v1/declarations/bulk", provider, contentType,
                    "lines=1");
            add("wrong content type", "monitoring", "POST", "/api/v1/admin/rebuild", analyst, contentType,
                    "reason=proef");
        }

        // malformed JSON
        List<String> malformed = List.of("{\"bsn\": \"999", "{\"a\":1,}", "{'a':'b'}", "{a:1}", "{\"a\":NaN}",
                "[1,2,3]", "", "null", "\"just a string\"", "{\"a\":1}}", "\u0000\u0001");
        for (String body : malformed) {
            add("malformed JSON", "access", "POST", "/api/v1/referrals", officer, body);
        }
        for (String body : malformed.subList(0, 6)) {
            add("malformed JSON", "contracting", "POST", "/api/v1/contracts", procurement, body);
            add("malformed JSON", "provider", "POST", "/api/v1/declarations", provider, body);
            add("malformed JSON", "monitoring", "POST", "/api/v1/admin/rebuild", analyst, body);
        }
        add("malformed JSON", "access", "POST", "/api/v1/allocations", officer, json("referralId", w.referralId(),
                "providerAgb", w.agb(), "productCode", w.product().code(), "volume", "ten", "unit", "04",
                "frequency", "6", "validFrom", "2026-09-01", "validTo", "2026-09-30", "chosenByFamily", true));
        add("malformed JSON", "provider", "POST", "/api/v1/declarations/bulk", provider, json("lines", "all"));
        add("malformed JSON", "contracting", "POST", "/api/v1/contracts", procurement, json("products", "many"));

        // impossible dates
        for (String date : List.of("2026-02-30", "31-12-2026", "2026-13-01", "tomorrow")) {
            add("impossible date", "access", "POST", "/api/v1/referrals", officer, json("clientId", w.client().id(),
                    "referrerType", "02", "referralDate", date, "question", "Proef", "crisis", false));
            add("impossible date", "provider", "POST", allocation + "/stop", provider,
                    json("stopDate", date, "reasonCode", "31"));
            add("impossible date", "contracting", "POST", contract + "/termination", procurement,
                    json("endDate", date, "reason", "proef"));
            add("impossible date", "monitoring", "GET", "/api/v1/budgets?from=" + date, analyst, null);
        }
        add("impossible date", "access", "POST", "/api/v1/clients", officer, json("bsn", Bsns.random(),
                "name", "Proef", "birthDate", "2099-01-01", "municipalityCode", w.municipality()));
        add("impossible date", "provider", "POST", "/api/v1/waiting-times", provider, json("allocationId",
                w.allocationId(), "requestDate", "2026-02-02", "startDate", "2099-01-01"));
    }

    /**
     * The classes of input the platform took or crashed on before it was made strict (issue 16, item 7): each
     * aimed at an endpoint that would change something if it took the request, so "changes nothing" proves the
     * refusal. Every one of them is otherwise a valid request.
     */
    private void buildStrictCorpus() {
        Side w = tenants.weert;
        String officer = tokens.accessOfficer(w.municipality());
        String provider = tokens.provider(w.agb());
        String procurement = tokens.procurementOfficer(World.REGION);
        String analyst = tokens.regionAnalyst(World.REGION);
        String allocation = "/api/v1/allocations/" + w.allocationId();
        String triage = "/api/v1/referrals/" + w.referralId() + "/triage";
        java.util.function.Function<Object, String> client = bsn -> json("bsn", bsn, "name", "Proef",
                "birthDate", "2010-01-01", "municipalityCode", w.municipality());
        java.util.function.BiFunction<Object, Object, String> declaration = (volume, amount) -> json("allocationId",
                w.allocationId(), "periodStart", "2026-05-01", "periodEnd", "2026-05-31", "productCode",
                w.product().code(), "volume", volume, "unit", w.product().unit(), "tariffCents",
                w.product().tariffCents(), "amountCents", amount);

        // JSON coercion: a number, a fraction, a boolean or a one-element array where another type is meant
        long cents = w.product().tariffCents();
        add("coerced JSON", "access", "POST", "/api/v1/clients", officer, client.apply(Long.parseLong(Bsns.random())));
        add("coerced JSON", "access", "POST", "/api/v1/clients", officer, client.apply(List.of(Bsns.random())));
        add("coerced JSON", "access", "PUT", triage, officer, json("segment", w.product().segment(), "profile",
                "P3", "intensity", 3.5, "outcome", "SPECIALIST_CARE"));
        add("coerced JSON", "access", "PUT", triage, officer, json("segment", w.product().segment(), "profile",
                "P3", "intensity", "3", "outcome", "SPECIALIST_CARE"));
        add("coerced JSON", "access", "PUT", triage, officer, json("segment", List.of(w.product().segment()),
                "profile", "P3", "intensity", 3, "outcome", "SPECIALIST_CARE"));
        add("coerced JSON", "access", "POST", "/api/v1/referrals", officer, json("clientId", w.client().id(),
                "referrerType", 2, "referralDate", "2026-02-02", "question", "Proef", "crisis", false));
        add("coerced JSON", "access", "POST", "/api/v1/referrals", officer, json("clientId", w.client().id(),
                "referrerType", "02", "referralDate", "2026-02-02", "question", "Proef", "crisis", "false"));
        add("coerced JSON", "provider", "POST", "/api/v1/declarations", provider, declaration.apply(1, cents + 0.5));
        add("coerced JSON", "provider", "POST", "/api/v1/declarations", provider, declaration.apply(1.5, cents));
        add("coerced JSON", "provider", "POST", "/api/v1/declarations", provider, declaration.apply("1", cents));
        add("coerced JSON", "provider", "POST", "/api/v1/declarations/bulk", provider,
                "{\"lines\":[" + declaration.apply(1, (double) cents) + "]}");
        add("coerced JSON", "contracting", "POST", "/api/v1/contracts", procurement,
                localContract(w, "45", "PXQ", "04", "2026-01-01", null, "SELECTIVE").replace("4321", "4321.5"));
        add("coerced JSON", "contracting", "POST", "/api/v1/contracts", procurement,
                localContract(w, "45", "PXQ", "04", "2026-01-01", null, "SELECTIVE").replace("\"initialYears\":1",
                        "\"initialYears\":\"1\""));

        // text no person typed: control characters, half a surrogate pair
        for (String bad : List.of("Pro\u0000ef", "Pro\u001bef", "Pro\u0085ef", "Proef\ud800", "\udc00Proef")) {
            add("control characters", "access", "POST", "/api/v1/clients", officer, json("bsn", Bsns.random(),
                    "name", bad, "birthDate", "2010-01-01", "municipalityCode", w.municipality()));
        }
        add("control characters", "access", "POST", "/api/v1/referrals", officer, json("clientId", w.client().id(),
                "referrerType", "02", "referralDate", "2026-02-02", "question", "Angst\u0000", "crisis", false));
        add("control characters", "provider", "POST", "/api/v1/providers", procurement, json("agbCode",
                World.newAgb(), "kvkNumber", "60000001", "name", "Zorg\u0000BV", "kind", "YOUTH_CARE"));
        add("control characters", "contracting", "POST", "/api/v1/strategies", procurement, json("round",
                "ronde\u0007", "segment", "AMBULANT", "supplyRisk", "MEDIUM", "financialImpact", "LOW",
                "fundingModel", "PXQ", "contractForm", "SELECTIVE", "targetProviders", 2));
        add("control characters", "monitoring", "GET", "/api/v1/pyramid?segment=AMB%00ULANT", analyst, null);
        add("control characters", "provider", "GET", "/api/v1/declarations?status=ACCEPTED%00", provider, null);

        // content after the JSON: a valid request with more behind it
        add("content after the JSON", "access", "POST", "/api/v1/clients", officer, client.apply(Bsns.random())
                + " {\"bsn\":\"" + Bsns.random() + "\"}");
        add("content after the JSON", "access", "POST", "/api/v1/clients", officer, client.apply(Bsns.random()) + "x");
        add("content after the JSON", "provider", "POST", "/api/v1/declarations", provider,
                declaration.apply(1, cents) + "]");
        add("content after the JSON", "contracting", "POST", "/api/v1/contracts", procurement,
                localContract(w, "45", "PXQ", "04", "2026-01-01", null, "SELECTIVE") + ",{}");

        // a valid JSON body under another content type (what a cross-site form can send): 415
        for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded")) {
            add("JSON as another type", "access", "POST", "/api/v1/clients", officer, type,
                    client.apply(Bsns.random()));
            add("JSON as another type", "provider", "POST", "/api/v1/declarations", provider, type,
                    declaration.apply(1, cents));
            add("JSON as another type", "contracting", "POST", "/api/v1/contracts", procurement, type,
                    localContract(w, "45", "PXQ", "04", "2026-01-01", null, "SELECTIVE"));
        }

        // query parameters checked like fields
        for (String query : List.of("size=-1", "size=0", "size=100000000", "page=-1", "sort=bsn", "sort=noSuchField",
                "sort=name,sideways")) {
            add("query parameters", "access", "GET", "/api/v1/clients?" + query, officer, null);
            add("query parameters", "provider", "GET", "/api/v1/declarations?" + query, provider, null);
        }
        add("query parameters", "access", "GET", "/api/v1/allocations?sort=clientPseudonym", officer, null);
        add("query parameters", "access", "GET", "/api/v1/referrals/" + w.referralId() + "/eligible-providers"
                + "?productCode=" + w.product().code() + "&validFrom=2026-12-31&validTo=2026-01-01", officer, null);
        for (String figure : List.of("/pyramid", "/budgets", "/referrers", "/scorecards")) {
            add("query parameters", "monitoring", "GET", "/api/v1" + figure + "?from=2026-12-31&to=2026-01-01",
                    analyst, null);
        }
        add("query parameters", "monitoring", "GET", "/api/v1/scorecards?size=-5", analyst, null);
        add("query parameters", "contracting", "GET", "/api/v1/contracts?size=-1", procurement, null);
        add("query parameters", "contracting", "GET", "/api/v1/tenders?sort=title", procurement, null);

        // dates beyond any calendar, in bodies and queries
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-01-01",
                "1812-06-01")) {
            add("date beyond any calendar", "access", "POST", "/api/v1/clients", officer, json("bsn", Bsns.random(),
                    "name", "Proef", "birthDate", date, "municipalityCode", w.municipality()));
            add("date beyond any calendar", "access", "POST", "/api/v1/referrals", officer, json("clientId",
                    w.client().id(), "referrerType", "02", "referralDate", date, "question", "Proef", "crisis", false));
            add("date beyond any calendar", "contracting", "POST", "/api/v1/contracts", procurement,
                    localContract(w, "45", "PXQ", "04", date, null, "SELECTIVE"));
            add("date beyond any calendar", "monitoring", "GET", "/api/v1/budgets?asOf="
                    + date.replace("+", "%2B"), analyst, null);
            add("date beyond any calendar", "monitoring", "GET", "/api/v1/pyramid?from="
                    + date.replace("+", "%2B"), analyst, null);
        }
        add("date beyond any calendar", "provider", "POST", allocation + "/stop", provider,
                json("stopDate", "+999999999-12-31", "reasonCode", "31"));

        // a path that does not exist, a method a path does not take: 404 and 405, not 403
        for (String service : SERVICES) {
            String token = switch (service) {
                case "access" -> officer;
                case "provider" -> provider;
                case "contracting" -> procurement;
                default -> analyst;
            };
            add("unknown path or method", service, "GET", "/api/v1/no-such-resource", token, null);
            add("unknown path or method", service, "DELETE", "/api/v1/no-such-resource/" + random(), token, null);
        }
        add("unknown path or method", "access", "DELETE", "/api/v1/clients", officer, null);
        add("unknown path or method", "access", "PATCH", allocation, officer, json("volume", 1));
        add("unknown path or method", "provider", "DELETE", "/api/v1/declarations/bulk", provider, null);
        add("unknown path or method", "contracting", "PUT", "/api/v1/contracts", procurement, json());
        add("unknown path or method", "monitoring", "DELETE", "/api/v1/pyramid", analyst, null);
    }

    /** A local contract body, with the product's tariff at 43.21 so that tests can alter it by text. */
    private static String localContract(Side side, String category, String fundingModel, String unit,
                                        String tariffFrom, String tariffTo, String form) {
        return Json.write(Json.object("providerAgb", side.agb(), "contractForm", form, "segment", "AMBULANT",
                "municipalities", List.of(side.municipality()),
                "products", List.of(Json.object("productCategory", category, "productCode", "45Z99",
                        "segment", "AMBULANT", "fundingModel", fundingModel, "unit", unit,
                        "tariffs", List.of(Json.object("amountCents", 4321, "validFrom", tariffFrom,
                                "validTo", tariffTo)))),
                "validFrom", "2026-01-01", "initialYears", 1, "extensionOptions", List.of(), "noticeMonths", 3,
                "annualCeilingCents", 1_000_000L, "acceptanceDutyDays", 180));
    }

    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Streams a body larger than the service accepts, without holding it in memory. */
    private Api.Response sendOversized(Case c) {
        long size = c.oversizedBytes();
        Supplier<InputStream> bytes = () -> new InputStream() {
            private long sent;

            @Override
            public int read() {
                if (sent >= size) {
                    return -1;
                }
                sent++;
                return sent == 1 ? '[' : sent == size ? ']' : sent % 2 == 0 ? '1' : ',';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(api(c.service()).baseUrl() + c.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + c.token())
                .header("Content-Type", c.contentType())
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(bytes), size))
                .build();
        try {
            HttpResponse<String> response = RAW.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            return new Api.Response(599, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
