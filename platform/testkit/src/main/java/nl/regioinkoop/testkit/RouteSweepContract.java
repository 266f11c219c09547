package nl.regioinkoop.testkit;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the service, taken from its router so that a new endpoint is covered without anyone remembering,
 * called with no token, with a forged token, with every role of another tenant, and with hostile bodies. The
 * answers must be refusals in problem+json, never a 5xx and never a 2xx for someone who has no business there.
 * Prints the matrix. A service's test extends it and names the routes that are public on purpose.
 */
public abstract class RouteSweepContract extends RealInfrastructure {
    protected static final String NO_ROLE = "no role";

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected Router router;

    /**
     * Paths (prefixes) that answer without a token on purpose: health, API documents, static pages, and the login
     * of platform/web (its redirects to the identity provider, the callback, the logout, the look's CSS).
     */
    protected List<String> publicPaths() {
        return List.of("/health", "/swagger", "/swagger-ui", "/prometheus", "/oauth/", "/logout", "/web/");
    }

    /**
     * Tokens of roles that must not reach this service's data at all, or belong to another tenant than any data a
     * test could have created. Default: a provider with an AGB code nobody uses and a municipality outside the region.
     */
    protected Map<String, String> strangers() {
        Map<String, String> strangers = new LinkedHashMap<>();
        strangers.put("PROVIDER(unknown agb)", tokens.provider("99999999"));
        strangers.put("ACCESS_OFFICER(9999)", tokens.accessOfficer("9999"));
        strangers.put("MUNICIPALITY_ANALYST(9999)", tokens.municipalityAnalyst("9999"));
        strangers.put(NO_ROLE, tokens.sign("nobody", List.of(), null, null, java.time.Duration.ofHours(1)));
        return strangers;
    }

    /**
     * A route some strangers may read on purpose (e.g. the provider registry is known to every role of the region).
     * A token without any role is a stranger to every route.
     */
    protected boolean mayRead(Route route, String stranger) {
        return false;
    }

    protected record Route(HttpMethod method, String path) {
    }

    protected List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        router.uriRoutes().forEach((UriRouteInfo<?, ?> route) -> {
            String template = route.getUriMatchTemplate().toString();
            // the home page of platform/web shows every signed-in person their own role's links (LoginBrowserIT)
            boolean home = template.equals("/");
            if (!home && publicPaths().stream().noneMatch(template::startsWith)) {
                routes.add(new Route(route.getHttpMethod(), concrete(template)));
            }
        });
        return routes.stream().distinct().sorted((a, b) -> (a.path + a.method).compareTo(b.path + b.method)).toList();
    }

    /** Fills path variables with ids that exist nowhere; strips query templates. */
    private static String concrete(String template) {
        String path = template.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
        return path.isEmpty() ? "/" : path;
    }

    @Test
    void everyRouteRefusesCallersWithoutAValidToken() {
        Api api = new Api(server.getURL().toString());
        String forged = new Tokens("forged-forged-forged-forged-forged-forged-forged-0123").regionAnalyst("MLW");
        List<Route> routes = routes();
        assertTrue(!routes.isEmpty(), "the service has routes");
        for (Route route : routes) {
            for (String token : new String[]{null, forged}) {
                Api.Response response = api.send(route.method().name(), route.path(), token, "application/json",
                        hasBody(route) ? "{}" : null, Map.of());
                assertEquals(401, response.status(), route + " with " + (token == null ? "no token" : "a forged token")
                        + " -> " + response);
                if (route.method() != HttpMethod.HEAD) { // a HEAD answer has no body
                    assertTrue(response.isProblem(), route + " answers problem+json: " + response);
                }
            }
        }
        System.out.printf("ROUTE SWEEP %s: %d routes x {no token, forged token}: all 401 problem+json%n",
                getClass().getSimpleName(), routes.size());
    }

    /**
     * Tokens no service may trust, on every route: without an expiry, expired, not valid yet, living too long, of
     * another issuer or audience, unsigned; each an HS256 token signed with the very secret the service accepts, or
     * one of the identity provider's own, so that only the claim is wrong. The same claims done right are taken.
     * And no refused token is sent on to the identity provider (its userinfo endpoint would accept some of them).
     */
    @Test
    void tokensThatMustNotBeTrustedAreRefusedOnEveryRoute() {
        Api api = new Api(server.getURL().toString());
        OidcServer oidc = Infra.oidc();
        String user = DemoUsers.REGION_ANALYST;
        long now = java.time.Instant.now().getEpochSecond();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("HS256 without exp", tokens.signClaims(analyst("iat", 0)));
        refused.put("HS256 expired", tokens.signClaims(analyst("iat", -7_200, "exp", -3_600)));
        refused.put("HS256 nbf in the future", tokens.signClaims(analyst("iat", 0, "nbf", 600, "exp", 3_600)));
        refused.put("HS256 iat in the future", tokens.signClaims(analyst("iat", 600, "exp", 3_600)));
        refused.put("HS256 living 13 h", tokens.signClaims(analyst("iat", 0, "exp", 13 * 3_600)));
        Map<String, Object> otherIssuer = analyst("iat", 0, "exp", 3_600);
        otherIssuer.put("iss", "https://login.example.org/realms/other");
        refused.put("HS256 of another issuer", tokens.signClaims(otherIssuer));
        refused.put("unsigned (alg none)", unsigned(analyst("iat", 0, "exp", 3_600), now));
        refused.put("IdP token for another audience", oidc.tokenFor(user, "another-application", Map.of(),
                java.time.Duration.ofHours(1)));
        refused.put("IdP token of another issuer", oidc.tokenFor(user, OidcServer.CLIENT_ID,
                Map.of("iss", "https://login.example.org/realms/other"), java.time.Duration.ofHours(1)));
        refused.put("IdP token with nbf in the future", oidc.tokenFor(user, OidcServer.CLIENT_ID,
                Map.of("nbf", now + 600), java.time.Duration.ofHours(1)));
        refused.put("IdP token living 13 h", oidc.tokenFor(user, OidcServer.CLIENT_ID, Map.of(),
                java.time.Duration.ofHours(13)));
        Map<String, String> taken = new LinkedHashMap<>();
        taken.put("HS256 of the tests", tokens.regionAnalyst("MLW"));
        taken.put("IdP token", oidc.tokenFor(user, OidcServer.CLIENT_ID, Map.of(), java.time.Duration.ofHours(1)));
        oidc.takeRequestPaths();
        List<String> wrong = new ArrayList<>();
        List<Route> routes = routes();
        for (Route route : routes) {
            String body = hasBody(route) ? "{}" : null;
            refused.forEach((what, token) -> {
                Api.Response r = api.send(route.method().name(), route.path(), token, "application/json", body,
                        Map.of());
                if (r.status() != 401 || route.method() != HttpMethod.HEAD && !r.isProblem()) {
                    wrong.add(route + " with " + what + " -> " + r);
                }
            });
            taken.forEach((what, token) -> {
                Api.Response r = api.send(route.method().name(), route.path(), token, "application/json", body,
                        Map.of());
                if (r.status() == 401) {
                    wrong.add(route + " with " + what + " (a good one) -> " + r);
                }
            });
        }
        List<String> toTheIdentityProvider = oidc.takeRequestPaths().stream()
                .filter(path -> !path.contains("/jwks") && !path.contains("/.well-known/")).toList();
        System.out.printf("TOKEN SWEEP %s: %d routes x %d untrustworthy tokens: %d not refused with 401; "
                        + "requests to the identity provider other than its keys: %s%n", getClass().getSimpleName(),
                routes.size(), refused.size(), wrong.size(), toTheIdentityProvider);
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), toTheIdentityProvider, "a refused token is not sent on to the identity provider");
    }

    /** A region analyst of MLW, issued like {@link Tokens}'; times in seconds from now. */
    private static Map<String, Object> analyst(Object... times) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "sweep-analyst");
        claims.put("iss", Tokens.ISSUER);
        claims.put("roles", List.of("REGION_ANALYST"));
        claims.put("region", "MLW");
        for (int i = 0; i < times.length; i += 2) {
            claims.put((String) times[i], times[i + 1]);
        }
        return claims;
    }

    private static String unsigned(Map<String, Object> claims, long now) {
        StringBuilder json = new StringBuilder("{");
        claims.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":");
            if (value instanceof Number n) {
                json.append(now + n.longValue());
            } else if (value instanceof List<?> list) {
                json.append(list.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]")));
            } else {
                json.append('"').append(value).append('"');
            }
        });
        json.append('}');
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
    }

    /**
     * Creates data that belongs to a tenant, so that a stranger has something to find: without it an empty answer
     * proves nothing. Subclasses create e.g. a client of 0988, an allocation of provider 12345678.
     */
    protected abstract void seedDataOfSomeTenant();

    @Test
    void strangersGetNothingFromAnyRoute() {
        seedDataOfSomeTenant();
        Api api = new Api(server.getURL().toString());
        Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        for (Route route : routes()) {
            for (Map.Entry<String, String> stranger : strangers().entrySet()) {
                Api.Response response = api.send(route.method().name(), route.path(), stranger.getValue(),
                        "application/json", hasBody(route) ? "{}" : null, Map.of());
                matrix.computeIfAbsent(route.method() + " " + route.path().replaceAll(
                        "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"), k -> new LinkedHashMap<>())
                        .put(stranger.getKey(), response.status());
                if (response.status() >= 500) {
                    leaks.add(route + " as " + stranger.getKey() + " -> 5xx " + response);
                } else if (response.status() < 300 && !emptyAnswer(response)
                        && !(mayRead(route, stranger.getKey()) && !stranger.getKey().equals(NO_ROLE))) {
                    leaks.add(route + " as " + stranger.getKey() + " -> " + response);
                } else if (response.status() >= 400 && route.method() != HttpMethod.HEAD && !response.isProblem()) {
                    leaks.add(route + " as " + stranger.getKey() + " -> not problem+json " + response);
                }
            }
        }
        System.out.println("AUTHORISATION MATRIX " + getClass().getSimpleName() + " (status per route x stranger):");
        matrix.forEach((route, statuses) -> System.out.println("  " + route + "  " + statuses.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))));
        System.out.println("  leaks: " + leaks.size());
        assertEquals(List.of(), leaks);
    }

    @Test
    void hostileBodiesAreRefusedWithProblemJsonNeverA5xx() {
        Api api = new Api(server.getURL().toString());
        String token = tokenForHostileInput();
        StringBuilder nested = new StringBuilder();
        nested.append("{\"a\":".repeat(5_000)).append("1").append("}".repeat(5_000));
        Map<String, String[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", new String[]{"application/json", "{\"agbCode\": \"123"});
        bodies.put("not an object", new String[]{"application/json", "[1,2,3]"});
        bodies.put("deeply nested", new String[]{"application/json", nested.toString()});
        bodies.put("injection strings", new String[]{"application/json",
                "{\"name\":\"'; drop table outbox; --\",\"agbCode\":\"<script>alert(1)</script>\",\"bsn\":\"' or 1=1 --\"}"});
        bodies.put("wrong content type", new String[]{"text/plain", "hello"});
        bodies.put("xml instead of json", new String[]{"application/xml", "<a>1</a>"});
        int calls = 0;
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            if (!hasBody(route)) {
                continue;
            }
            for (Map.Entry<String, String[]> body : bodies.entrySet()) {
                Api.Response response = api.send(route.method().name(), route.path(), token, body.getValue()[0],
                        body.getValue()[1], Map.of());
                calls++;
                if (response.status() < 400 || response.status() >= 500 || !response.isProblem()) {
                    failures.add(route + " with " + body.getKey() + " -> " + response);
                }
            }
        }
        System.out.printf("HOSTILE INPUT %s: %d requests, %d not refused with 4xx problem+json%n",
                getClass().getSimpleName(), calls, failures.size());
        assertEquals(List.of(), failures);
    }

    /**
     * Input no route may take or reinterpret, on every route: a JSON body sent as another content type (415, so a
     * cross-site form cannot post it), content after the JSON (400), a path that does not exist (404) and a method
     * a path does not take (405) for a signed-in caller, and query parameters every list checks (a negative or
     * huge page size, an unknown sort field, a reversed range, a date beyond any calendar, a NUL): 400, or 403
     * where the caller may not reach the route at all. Never a 5xx, never a 2xx.
     */
    @Test
    void inputThatMustNotBeReinterpretedIsRefusedOnEveryRoute() {
        Api api = new Api(server.getURL().toString());
        String token = tokenForHostileInput();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        List<Route> routes = routes();
        for (Route route : routes) {
            if (hasBody(route)) {
                for (String type : List.of("text/plain", "text/plain; charset=utf-8", "application/octet-stream")) {
                    Api.Response r = api.send(route.method().name(), route.path(), token, type, "{}", Map.of());
                    expect(wrong, seen, route + " with {} as " + type, r, 415, 403);
                }
                Api.Response trailing = api.send(route.method().name(), route.path(), token, "application/json",
                        "{} {\"more\":1}", Map.of());
                // 404: a POST that reads no body (an action on an id that does not exist) binds nothing from it
                expect(wrong, seen, route + " with content after the JSON", trailing, 400, 403, 404, 415);
            }
            if (route.method() == HttpMethod.GET) {
                for (String query : List.of("size=-1", "size=0", "size=100000000", "page=-1", "page=1.5",
                        "sort=noSuchField", "sort=name%3Bdrop%20table%20x", "sort=name,sideways", "from=2026-12-31&to=2026-01-01",
                        "validFrom=2026-12-31&validTo=2026-01-01", "from=%2B999999999-12-31", "to=0000-01-01",
                        "asOf=10000-01-01", "q=a%00b", "municipality=09%0088")) {
                    String sep = route.path().contains("?") ? "&" : "?";
                    Api.Response r = api.send("GET", route.path() + sep + query, token, null, null, Map.of());
                    expect(wrong, seen, route + " with ?" + query, r, 400, 403);
                }
            }
        }
        Api.Response unknown = api.send("GET", "/api/v1/no-such-resource-" + UUID.randomUUID(), token, null, null,
                Map.of());
        expect(wrong, seen, "an unknown path", unknown, 404);
        Map<String, java.util.Set<HttpMethod>> methods = new TreeMap<>();
        for (Route route : routes) {
            methods.computeIfAbsent(route.path().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"),
                    k -> new java.util.HashSet<>()).add(route.method());
        }
        for (Route route : routes) {
            java.util.Set<HttpMethod> taken = methods.get(route.path().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"));
            for (HttpMethod method : List.of(HttpMethod.DELETE, HttpMethod.PATCH)) {
                if (!taken.contains(method)) {
                    Api.Response r = api.send(method.name(), route.path(), token, "application/json",
                            method == HttpMethod.PATCH ? "{}" : null, Map.of());
                    expect(wrong, seen, method + " " + route.path() + " (not taken there)", r, 405);
                    break;
                }
            }
        }
        System.out.printf("STRICT INPUT %s: %d routes, answers %s, %d not as they should be%n",
                getClass().getSimpleName(), routes.size(), seen, wrong.size());
        assertEquals(List.of(), wrong);
    }

    private static void expect(List<String> wrong, Map<String, Integer> seen, String what, Api.Response r,
                               int... statuses) {
        seen.merge(String.valueOf(r.status()), 1, Integer::sum);
        boolean expected = java.util.Arrays.stream(statuses).anyMatch(s -> s == r.status());
        if (!expected || !r.isProblem()) {
            wrong.add(what + " -> " + (r.body().length() > 300 ? r.toString().substring(0, 300) + "..." : r));
        }
    }

    /** A token allowed to write somewhere in this service, so hostile bodies reach the body parsing. */
    protected abstract String tokenForHostileInput();

    private static boolean hasBody(Route route) {
        return route.method() == HttpMethod.POST || route.method() == HttpMethod.PUT
                || route.method() == HttpMethod.PATCH;
    }

    /** An empty page or list tells a stranger nothing. */
    private static boolean emptyAnswer(Api.Response response) {
        String body = response.body().strip();
        return body.isEmpty() || body.equals("[]") || body.matches(".*\"content\"\\s*:\\s*\\[\\s*].*")
                || body.matches(".*\"totalSize\"\\s*:\\s*0.*");
    }
}
