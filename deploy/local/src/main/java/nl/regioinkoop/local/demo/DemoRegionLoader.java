package nl.regioinkoop.local.demo;

import io.micronaut.json.JsonMapper;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import nl.regioinkoop.local.demo.RegionPlan.Journey;
import nl.regioinkoop.local.demo.RegionPlan.Municipality;
import nl.regioinkoop.local.demo.RegionPlan.Provider;
import nl.regioinkoop.local.demo.RegionPlan.Segment;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a {@link RegionPlan} through the services' own APIs, as the region's people would: the procurement office
 * registers providers, runs the tender and signs the contracts; each municipality sets its budgets; access teams
 * register, triage and allocate; providers report starts, stops, declarations and outcomes. Nothing is written
 * behind a service's back.
 */
public final class DemoRegionLoader {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Map<String, String> REFERRER_NAMES = Map.of(
            "01", "Wijkteam " + "Midden-Limburg West", "02", "Huisartsenpraktijk De Kempen",
            "03", "JGZ Limburg-Noord", "04", "Jeugdbescherming Limburg", "05", "Kinderarts SJG Weert",
            "06", "Ouders zelf", "08", "Rechtbank Limburg");

    private final Api access;
    private final Api contracting;
    private final Api provider;
    private final Tokens tokens;
    private final RegionPlan plan;
    private final String procurement;
    private final Map<Journey, String> allocations = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    public DemoRegionLoader(String accessUrl, String contractingUrl, String providerUrl, Tokens tokens, RegionPlan plan) {
        this.access = new Api(accessUrl);
        this.contracting = new Api(contractingUrl);
        this.provider = new Api(providerUrl);
        this.tokens = tokens;
        this.plan = plan;
        this.procurement = tokens.procurementOfficer(RegionPlan.REGION);
    }

    /** What was loaded, for the banner and the marker file. */
    public record Summary(int providers, int contracts, int clients, int allocations, int declarationLines,
                          long requests) {
    }

    public Summary load() throws Exception {
        long steps = plan.providers.size() + RegionPlan.SEGMENTS.size() * 3L + plan.journeys.size() * 2L;
        try (ProgressBar progress = new ProgressBarBuilder().setTaskName("demo region").setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build()) {
            registerProviders(progress);
            int contracts = new DemoTender(contracting, procurement, tokens, plan, this::post).run(progress);
            setBudgets(progress);
            journeys(progress);
            int lines = providerReports(progress);
            progress.stepTo(progress.getMax());
            return new Summary(plan.providers.size(), contracts, plan.journeys.size(), allocations.size(), lines,
                    requests.get());
        }
    }

    private void registerProviders(ProgressBar progress) {
        for (Provider p : plan.providers) {
            Api.Response response = post(provider, "/api/v1/providers", procurement, Map.of(
                    "agbCode", p.agb(), "kvkNumber", p.kvk(), "name", p.name(), "kind", p.kind()));
            if (response.status() != 201 && response.status() != 409) {
                Http.expect(201, response, "registering provider " + p.agb());
            }
            progress.step();
        }
    }

    private void setBudgets(ProgressBar progress) {
        for (Municipality m : RegionPlan.MUNICIPALITIES) {
            for (Segment s : RegionPlan.SEGMENTS) {
                // sized on the plan's care (an allocation commits its whole validity, also the months after
                // 31 December, on its start year's line) with 10 % to spare; two lines are tight on purpose, so a few
                // allocations do not fit and the dashboard shows lines near their amount
                long planned = plan.plannedCents(m, s);
                boolean tight = m.code().equals("0988") && s.code().equals("RESIDENTIAL_TREATMENT")
                        || m.code().equals("1640") && s.code().equals("HOUSING");
                long amount = (long) Math.ceil(planned * (tight ? 1.0 : 1.1) / 100_000.0) * 100_000;
                Api.Response response = post(access, "/api/v1/budgets", tokens.accessOfficer(m.code()), Map.of(
                        "municipalityCode", m.code(), "year", RegionPlan.YEAR, "line", s.code(),
                        "amountCents", Math.max(amount, 100_000)));
                if (response.status() != 201 && response.status() != 409) {
                    Http.expect(201, response, "setting budget " + m.code() + " " + s.code());
                }
            }
        }
        progress.stepBy(RegionPlan.SEGMENTS.size());
    }

    private void journeys(ProgressBar progress) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Journey journey : plan.journeys) {
                done.add(pool.submit(() -> {
                    access(journey);
                    progress.step();
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private void access(Journey j) {
        String officer = tokens.accessOfficer(j.municipality().code());
        Api.Response client = post(access, "/api/v1/clients", officer, Map.of("bsn", j.bsn(), "name", j.name(),
                "birthDate", j.birthDate().toString(), "municipalityCode", j.municipality().code()));
        String clientId = Http.id(Http.expect(201, client, "registering a client"));
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("clientId", clientId);
        referral.put("referrerType", j.referrerType());
        referral.put("referrerName", REFERRER_NAMES.get(j.referrerType()));
        referral.put("referralDate", j.referralDate().toString());
        referral.put("question", "Hulpvraag " + j.segment().label().toLowerCase());
        referral.put("crisis", j.segment().code().equals("CRISIS"));
        String referralId = Http.id(Http.expect(201, post(access, "/api/v1/referrals", officer, referral),
                "registering a referral"));
        Map<String, Object> triage = new LinkedHashMap<>();
        triage.put("segment", j.segment().code());
        triage.put("profile", j.profile());
        triage.put("intensity", j.intensity());
        triage.put("outcome", j.specialistCare() ? "SPECIALIST_CARE" : "NORMALISED");
        Http.expect(200, post(access, "/api/v1/referrals/" + referralId + "/triage", officer, triage), "triage");
        if (!j.specialistCare()) {
            return;
        }
        Map<String, Object> allocation = new LinkedHashMap<>();
        allocation.put("referralId", referralId);
        allocation.put("providerAgb", j.provider().agb());
        allocation.put("productCode", j.segment().productCode());
        allocation.put("volume", j.segment().unitsPerWeek());
        allocation.put("unit", j.segment().unit());
        allocation.put("frequency", "2");
        allocation.put("validFrom", j.start().toString());
        allocation.put("validTo", j.end().toString());
        allocation.put("chosenByFamily", true);
        Api.Response issued = post(access, "/api/v1/allocations", officer, allocation);
        if (issued.status() == 201) {
            allocations.put(j, Http.id(issued));
        } else if (!issued.body().contains("budget-exceeded")) {
            Http.expect(201, issued, "allocating");
        }
    }

    /** Providers report what happened: start, monthly declarations in bulk, stop and outcome of ended care. */
    private int providerReports(ProgressBar progress) throws Exception {
        Map<String, List<Journey>> byProvider = new LinkedHashMap<>();
        allocations.keySet().forEach(j -> byProvider.computeIfAbsent(j.provider().agb(), k -> new ArrayList<>()).add(j));
        int lines = 0;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Map.Entry<String, List<Journey>> entry : byProvider.entrySet()) {
                String token = tokens.provider(entry.getKey());
                for (Journey j : entry.getValue()) {
                    done.add(pool.submit(() -> {
                        startStopAndOutcome(token, j);
                        progress.step();
                    }));
                }
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        for (Map.Entry<String, List<Journey>> entry : byProvider.entrySet()) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Journey j : entry.getValue()) {
                batch.addAll(declarationLines(j));
            }
            if (!batch.isEmpty()) {
                Api.Response answer = Http.expect(200, send(provider, "POST", "/api/v1/declarations/bulk",
                        tokens.provider(entry.getKey()), Map.of("lines", batch),
                        Map.of("Idempotency-Key", "demo-" + entry.getKey())), "declaring");
                lines += ((Number) answer.json().get("accepted")).intValue();
            }
        }
        progress.stepBy(plan.journeys.size() - allocations.size());
        return lines;
    }

    private void startStopAndOutcome(String token, Journey j) {
        String id = allocations.get(j);
        Http.eventually(200, () -> post(provider, "/api/v1/allocations/" + id + "/start", token,
                Map.of("startDate", j.start().toString())), "reporting care started");
        if (j.ended(plan.today)) {
            Http.expect(200, post(provider, "/api/v1/allocations/" + id + "/stop", token,
                    Map.of("stopDate", j.end().toString(), "reasonCode", j.stopReason())), "reporting care stopped");
            Http.expect(200, post(provider, "/api/v1/allocations/" + id + "/outcome", token,
                    Map.of("goalRealised", j.goalRealised(), "satisfaction", j.satisfaction())), "reporting outcome");
        }
    }

    /** One line per calendar month of care that has passed, the units of the days in care that month. */
    private List<Map<String, Object>> declarationLines(Journey j) {
        List<Map<String, Object>> lines = new ArrayList<>();
        Segment s = j.segment();
        LocalDate lastDeclarable = YearMonth.from(plan.today).minusMonths(1).atEndOfMonth();
        for (RegionPlan.Declared d : RegionPlan.declared(j, lastDeclarable)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineRef", allocations.get(j) + "-" + YearMonth.from(d.from()));
            line.put("allocationId", allocations.get(j));
            line.put("periodStart", d.from().toString());
            line.put("periodEnd", d.to().toString());
            line.put("productCode", s.productCode());
            line.put("productCategory", s.productCategory());
            line.put("volume", d.units());
            line.put("unit", s.unit());
            line.put("tariffCents", s.tariffCents());
            line.put("amountCents", d.amountCents());
            lines.add(line);
        }
        return lines;
    }

    Api.Response post(Api api, String path, String token, Object body) {
        return send(api, "POST", path, token, body, Map.of());
    }

    private Api.Response send(Api api, String method, String path, String token, Object body,
                              Map<String, String> headers) {
        requests.incrementAndGet();
        try {
            return api.send(method, path, token, "application/json", JSON.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Poster {
        Api.Response post(Api api, String path, String token, Object body);
    }
}
