package nl.regioinkoop.testkit;

import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenID Connect provider for tests and the local run: NAV's mock-oauth2-server (discovery, JWKS,
 * authorization-code flow with an interactive login page, token endpoint), in this JVM on a port of its own.
 * One issuer, {@value #ISSUER_ID}; the login page lists the given users, each a button that signs in with that
 * user's claims. Programs get the same users' tokens from the token endpoint with the client-credentials grant,
 * the user's name as client id ({@link #token}).
 */
public final class OidcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OidcServer.class);
    public static final String ISSUER_ID = "regio";
    /** The platform's web client, as registered at the identity provider. */
    public static final String CLIENT_ID = "regio-inkoop";
    public static final String CLIENT_SECRET = "regio-inkoop-local";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final MockOAuth2Server server;
    private final Map<String, OidcUser> users = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OidcServer(MockOAuth2Server server, List<OidcUser> users) {
        this.server = server;
        users.forEach(u -> this.users.put(u.username(), u));
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @param port        0 for any free port
     * @param users       the people the login page offers (and programs may ask tokens for)
     * @param tokenExpiry how long a token (and so a browser session) is valid
     */
    public static OidcServer start(int port, List<OidcUser> users, Duration tokenExpiry) {
        long started = System.nanoTime();
        try {
            Path page = Files.createTempFile("oidc-login", ".html");
            page.toFile().deleteOnExit();
            Files.writeString(page, LoginPage.html(users));
            Users callback = new Users(users, tokenExpiry);
            OAuth2Config config = new OAuth2Config(true, page.toString(), null, false,
                    new no.nav.security.mock.oauth2.token.OAuth2TokenProvider(), Set.of(callback));
            MockOAuth2Server server = new MockOAuth2Server(config);
            server.start(InetAddress.getLoopbackAddress(), port);
            OidcServer oidc = new OidcServer(server, users);
            LOG.info("OpenID Connect server ready at {} in {} ms", oidc.issuer(), (System.nanoTime() - started) / 1_000_000);
            return oidc;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the login page", e);
        }
    }

    /** The issuer URL: discovery is at {@code issuer + "/.well-known/openid-configuration"}. */
    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public String jwksUrl() {
        return server.jwksUrl(ISSUER_ID).toString();
    }

    public String tokenEndpoint() {
        return server.tokenEndpointUrl(ISSUER_ID).toString();
    }

    public List<OidcUser> users() {
        return List.copyOf(users.values());
    }

    /** A bearer token for the user, asked from the token endpoint over HTTP as a program would. */
    public String token(String username) {
        if (!users.containsKey(username)) {
            throw new IllegalArgumentException("no such user at the OIDC server: " + username);
        }
        String form = "grant_type=client_credentials&scope=openid&client_id=" + enc(username)
                + "&client_secret=" + enc(CLIENT_SECRET);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("the OIDC server gave no token: " + response.statusCode() + " "
                        + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token signed with this server's keys, asked for directly rather than over HTTP: for tests of what the
     * services refuse (another audience, a lifetime too long, a not-before in the future). The user's claims with
     * {@code extraClaims} over them; {@code iss} is this server's.
     */
    public String tokenFor(String username, String audience, Map<String, Object> extraClaims, Duration validFor) {
        OidcUser user = users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("no such user at the OIDC server: " + username);
        }
        Map<String, Object> claims = new LinkedHashMap<>(user.claims());
        claims.putAll(extraClaims);
        return server.issueToken(ISSUER_ID, username, new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(
                ISSUER_ID, username, "JWT", List.of(audience), claims, validFor.toSeconds())).serialize();
    }

    /**
     * The paths of the requests this server received since the last call (it records every one): e.g. to see that
     * no service sent a refused token on to the userinfo endpoint.
     */
    public List<String> takeRequestPaths() {
        List<String> paths = new java.util.ArrayList<>();
        while (true) {
            okhttp3.mockwebserver.RecordedRequest request;
            try {
                request = server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                return paths;
            }
            if (request == null) {
                return paths;
            }
            paths.add(request.getPath());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /**
     * Claims per user for the token endpoint's client-credentials grant (client id = user name). A browser login
     * brings its user's claims in the login form instead (the mock server adds them to the tokens).
     */
    private record Users(Map<String, OidcUser> byName, long expirySeconds) implements OAuth2TokenCallback {
        Users(List<OidcUser> users, Duration expiry) {
            this(index(users), expiry.toSeconds());
        }

        private static Map<String, OidcUser> index(List<OidcUser> users) {
            Map<String, OidcUser> m = new LinkedHashMap<>();
            users.forEach(u -> m.put(u.username(), u));
            return m;
        }

        private OidcUser user(TokenRequest request) {
            ClientAuthentication auth = request.getClientAuthentication();
            String client = auth != null ? auth.getClientID().getValue()
                    : request.getClientID() != null ? request.getClientID().getValue() : null;
            return client == null ? null : byName.get(client);
        }

        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            OidcUser user = user(request);
            return user == null ? "unknown" : user.username();
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return "JWT";
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of(CLIENT_ID);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            OidcUser user = user(request);
            return user == null ? Map.of() : user.claims();
        }

        @Override
        public long tokenExpiry() {
            return expirySeconds;
        }
    }
}
