package nl.regioinkoop.bench;

import nl.regioinkoop.local.demo.DemoRegionLoader;
import nl.regioinkoop.local.demo.RegionPlan;
import nl.regioinkoop.testkit.Api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access officer's screens' server answers (issue 14, item 8): the whole platform as {@link Bench} starts it,
 * the demo region loaded through the APIs, then every screen asked for as a browser asks (GET with the session
 * cookie, {@code Accept: text/html}; the allocation form's preview is its POST "berekenen" with the form's CSRF token),
 * one caller at a time, {@code screens.repeats} measured answers per screen after three warm-up ones: p50/p95/p99 per
 * screen. Then a larger size: {@code screens.large-clients} residents with a referral each (a quarter untriaged, a
 * twentieth providers' requests) and an allocation for every triaged one, written straight into access's database
 * (the bench's own scaffolding: a load through the APIs at that size takes longer than the run), and the same screens
 * again. Figures are printed and written to {@code screens.out}, never asserted.
 *
 * <pre>deploy/bench/screens.sh [screens.repeats=30] [screens.large-clients=100000]</pre>
 */
public final class ScreensBench {
    static final String WEERT = "0988";
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|idempotencyKey)\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ScreensBench() {
    }

    /** One screen as a browser asks for it; a preview is a POST whose form tokens are read once from the form. */
    record Screen(String name, String path, boolean preview) {
    }

    /** The preview's form body, with the form's CSRF token and key (read once, as a browser has them). */
    private static final Map<String, String> FORM_BODIES = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path repository = Path.of("").toAbsolutePath();
        Results results = new Results();
        Map<String, Object> machine = Bench.machine();
        results.detail("machine", machine);
        results.detail("options", options.all());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        Path out = options.text("screens.out").isBlank()
                ? repository.resolve("deploy/bench/results/" + ZonedDateTime.now(ZoneId.of("UTC"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-screens.json")
                : Path.of(options.text("screens.out"));
        boolean failed = false;
        try (Platform platform = Platform.start(repository, options)) {
            int demoClients = options.integer("demo.clients");
            Bench.step("demo region: " + demoClients + " clients through the APIs");
            DemoRegionLoader.Summary demo = new DemoRegionLoader(platform.api("access").baseUrl(),
                    platform.api("contracting").baseUrl(), platform.api("provider").baseUrl(), platform.tokens,
                    new RegionPlan(demoClients, today, 20_260_101L)).load();
            results.detail("demo", Map.of("clients", demo.clients(), "allocations", demo.allocations(),
                    "requests", demo.requests()));
            String session = platform.tokens.accessOfficer(WEERT);
            List<Screen> screens = screens(platform.api("access"), session, today);
            String base = platform.api("access").baseUrl();
            int repeats = options.integer("screens.repeats");
            measure(results, "demo", String.format("demo size (%,d clients)", demo.clients()), base, session,
                    screens, repeats, true);

            int large = options.integer("screens.large-clients");
            if (large > 0) {
                long t = System.nanoTime();
                long rows = enlarge(platform, large, today);
                Bench.step(String.format("larger size: %,d residents with referrals and allocations written in %.0f s",
                        large, (System.nanoTime() - t) / 1e9));
                results.detail("largeRows", rows);
                measure(results, "large", String.format("demo + %,d clients", large), base, session, screens,
                        repeats, false);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            results.detail("error", String.valueOf(e));
            failed = true;
        } finally {
            results.detail("loadAverageAtEnd", Bench.loadAverage());
            results.write(out);
            System.out.println();
            System.out.println(results.table());
            System.out.printf("machine: %s%nJSON: %s%n", machine, out);
        }
        System.exit(failed ? 1 : 0);
    }

    /** Weert's screens, on objects of the demo region: a resident with an allocation, its referral and allocation. */
    static List<Screen> screens(Api access, String officer, LocalDate today) {
        Map<String, Object> allocation = first(access.get("/api/v1/allocations?size=1&sort=issuedAt,desc", officer));
        String id = (String) allocation.get("id");
        String referral = (String) allocation.get("referralId");
        String client = (String) allocation.get("clientId");
        String product = (String) allocation.get("productCode");
        String provider = (String) allocation.get("providerAgb");
        String from = today.toString();
        String to = today.plusDays(27).toString();
        String period = "product=" + product + "&van=" + from + "&tot=" + to;
        List<Screen> screens = new ArrayList<>();
        screens.add(new Screen("werkvoorraad", "/toegang/", false));
        screens.add(new Screen("inwoners", "/toegang/clienten", false));
        screens.add(new Screen("dossier", "/toegang/clienten/" + client, false));
        screens.add(new Screen("verwijzing (intake)", "/toegang/clienten/" + client + "/verwijzing", false));
        screens.add(new Screen("verwijzing en triage", "/toegang/verwijzingen/" + referral, false));
        screens.add(new Screen("gezinsplan", "/toegang/clienten/" + client + "/gezinsplan", false));
        screens.add(new Screen("aanbieder kiezen", "/toegang/verwijzingen/" + referral + "/aanbieders?" + period, false));
        screens.add(new Screen("toewijzingsformulier", "/toegang/verwijzingen/" + referral + "/toewijzing?aanbieder="
                + provider + "&" + period, false));
        screens.add(new Screen("toewijzing vooraf berekend (POST)", "/toegang/verwijzingen/" + referral + "/toewijzing?"
                + "actie=berekenen&providerAgb=" + provider + "&productCode=" + product + "&volume=2&unit=04&frequency=2"
                + "&validFrom=" + from + "&validTo=" + to, true));
        screens.add(new Screen("toewijzing", "/toegang/toewijzingen/" + id, false));
        screens.add(new Screen("budget", "/toegang/budget", false));
        return screens;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Api.Response page) {
        Json.expect(200, page, "a page of allocations");
        List<Object> content = (List<Object>) page.json().get("content");
        if (content == null || content.isEmpty()) {
            throw new IllegalStateException("the demo region has no allocation of " + WEERT);
        }
        return (Map<String, Object>) content.get(0);
    }

    private static void measure(Results results, String key, String size, String base, String session,
                                List<Screen> screens, int repeats, boolean demo) throws Exception {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("size", size);
        Latencies all = new Latencies();
        for (Screen screen : screens) {
            Latencies one = new Latencies();
            for (int r = -3; r < repeats; r++) {
                long t = System.nanoTime();
                int status = answer(base, session, screen);
                long took = System.nanoTime() - t;
                if (status != 200 && status != 303) {
                    throw new IllegalStateException(screen + " answered " + status);
                }
                if (r >= 0) {
                    one.record(took);
                    all.record(took);
                }
            }
            detail.put(screen.name(), one.summary());
            double p95 = one.percentileMillis(95);
            results.figure("S", screen.name() + " at " + size, one.text(), null, null,
                    demo ? "p95 < 100 ms" : null, demo ? p95 < 100 : null);
            Bench.step("screen " + screen.name() + " at " + size + ": " + one.text());
        }
        detail.put("all", all.summary());
        results.detail("screens-" + key, detail);
    }

    /** The screen's answer, read to its end; the preview first takes the form's tokens from the form itself. */
    private static int answer(String base, String session, Screen screen) throws Exception {
        if (!screen.preview()) {
            return get(base, session, screen.path()).statusCode();
        }
        int query = screen.path().indexOf('?');
        String path = screen.path().substring(0, query);
        String body = FORM_BODIES.computeIfAbsent(screen.path(), p -> {
            try {
                Map<String, String> tokens = new LinkedHashMap<>();
                Matcher m = HIDDEN.matcher(get(base, session, path).body());
                while (m.find()) {
                    tokens.putIfAbsent(m.group(1), m.group(2));
                }
                StringBuilder b = new StringBuilder(p.substring(query + 1));
                tokens.forEach((k, v) -> b.append('&').append(k).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
                return b.toString();
            } catch (Exception e) {
                throw new IllegalStateException("could not read the form " + path, e);
            }
        });
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JWT=" + session)
                        .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static HttpResponse<String> get(String base, String session, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JWT=" + session)
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Residents across the three municipalities with one referral each: a quarter waiting for triage (a fiftieth
     * of those crises), a twentieth providers' requests with deadlines around today, the rest triaged to specialist
     * care with a running allocation that ends within the next months.
     */
    static long enlarge(Platform platform, int clients, LocalDate today) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.pg.jdbcUrl("bench_access"), platform.pg.user(),
                platform.pg.password()); Statement st = c.createStatement()) {
            long rows = 0;
            rows += st.executeUpdate("create temporary table synthetic as select g, gen_random_uuid() as client, "
                    + "gen_random_uuid() as referral, gen_random_uuid() as allocation, "
                    + "(array['0988','0946','1640'])[1 + g % 3] as municipality, "
                    + "md5(g::text || 'synthetic') || md5('synthetic' || g::text) as pseudonym "
                    + "from generate_series(1, " + clients + ") g");
            rows += st.executeUpdate("insert into client (id, bsn, pseudonym, name, birth_date, municipality_code, "
                    + "registered_at) select client, lpad((800000000 + g)::text, 9, '0'), pseudonym, "
                    + "'Synthetische inwoner ' || g, date '2008-01-01' + (g % 5000), municipality, now() from synthetic");
            rows += st.executeUpdate("insert into referral (id, client_id, municipality_code, client_pseudonym, "
                    + "referrer_type, referrer_name, referral_date, question, crisis, requesting_provider_agb, "
                    + "received_on, answer_deadline, segment, profile, intensity, outcome, triaged_on, registered_at) "
                    + "select referral, client, municipality, pseudonym, '02', 'Huisarts ' || (g % 40), "
                    + "current_date - (g % 300), 'Synthetische hulpvraag ' || g, g % 200 = 0, "
                    + "case when g % 20 = 0 then '41000012' end, case when g % 20 = 0 then current_date - (g % 7) end, "
                    + "case when g % 20 = 0 then current_date + (g % 9) - 4 end, "
                    + "case when g % 4 <> 0 then 'AMBULANT' end, case when g % 4 <> 0 then 'P3' end, "
                    + "case when g % 4 <> 0 then 3 end, case when g % 4 <> 0 then 'SPECIALIST_CARE' end, "
                    + "case when g % 4 <> 0 then current_date - (g % 300) end, now() from synthetic");
            rows += st.executeUpdate("insert into allocation (id, referral_id, client_id, municipality_code, "
                    + "client_pseudonym, provider_agb, contract_id, product_category, product_code, segment, profile, "
                    + "intensity, referrer_type, funding_model, volume, unit, frequency, valid_from, valid_to, "
                    + "tariff_cents, expected_cost_cents, committed_cents, realised_cents, budget_line, "
                    + "chosen_by_family, status, issued_at, updated_at) "
                    + "select allocation, referral, client, municipality, pseudonym, '41000012', gen_random_uuid(), "
                    + "'45', '45A48', 'AMBULANT', 'P3', 3, '02', 'PXQ', 2, '04', '2', current_date - (g % 200), "
                    + "current_date - (g % 200) + 120 + (g % 150), 10500, 300000, 300000, 0, 'AMBULANT', true, "
                    + "'ACTIVE', now(), now() from synthetic where g % 4 <> 0 and g % 20 <> 0");
            st.execute("analyze client; analyze referral; analyze allocation");
            return rows;
        }
    }
}
