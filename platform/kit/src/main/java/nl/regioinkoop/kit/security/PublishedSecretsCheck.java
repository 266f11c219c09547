package nl.regioinkoop.kit.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Refuses to start a service outside the local run and the tests while a key it relies on is absent, too short,
 * or one that anybody can read in the repository: a published token secret lets anyone mint a token for any role,
 * a published pseudonym key lets anyone reverse the pseudonyms by trying every valid BSN. The message names the
 * variable to set; the service exits non-zero (Micronaut ends the process when a context bean fails).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE) // before the other context beans connect to anything with these keys
public final class PublishedSecretsCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedSecretsCheck.class);
    /** The environments in which the repository's own keys are what makes the platform run at all. */
    public static final Set<String> EXEMPT_ENVIRONMENTS = Set.of("local", "test");
    static final String PUBLISHED = "published-secrets.txt";
    /** Words of the placeholders people copy from examples ("change-me-..."): never a real key. */
    private static final List<String> PLACEHOLDER_WORDS = List.of("change-me", "changeme", "dev-only",
            "not-for-production", "local-secret");

    /**
     * A key or secret of the platform.
     *
     * @param always       required in every service; otherwise only where the service defines the property
     * @param minimumBytes UTF-8 bytes at least (HMAC-SHA256 keys: 32)
     */
    record Secret(String property, String variable, int minimumBytes, boolean always, String purpose) {
    }

    static final List<Secret> SECRETS = List.of(
            new Secret("micronaut.security.token.jwt.signatures.secret.generator.secret", "JWT_SECRET", 32, true,
                    "signs shared-secret (HS256) tokens"),
            new Secret("access.pseudonym-key", "PSEUDONYM_KEY", 32, false, "keys the clients' pseudonyms"),
            new Secret("regio.web.csrf-key", "CSRF_KEY", 32, false, "keys the forms' CSRF tokens"),
            new Secret("micronaut.security.oauth2.clients.regio.client-secret", "OIDC_CLIENT_SECRET", 1, false,
                    "the platform's client secret at the identity provider"));

    PublishedSecretsCheck(Environment environment) {
        if (environment.getActiveNames().stream().anyMatch(EXEMPT_ENVIRONMENTS::contains)) {
            return;
        }
        List<String> problems = problems(property -> environment.getProperty(property, String.class),
                environment::containsProperty, published());
        if (!problems.isEmpty()) {
            String message = "Refusing to start outside the local run and the tests (environments "
                    + environment.getActiveNames() + "): " + String.join("; ", problems)
                    + ". Generate each with e.g. `openssl rand -base64 48`, the same on every replica.";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** What is wrong with the service's keys; empty when every one is set, long enough and unpublished. */
    static List<String> problems(Function<String, Optional<String>> property,
                                 java.util.function.Predicate<String> defined, Set<String> published) {
        List<String> problems = new ArrayList<>();
        for (Secret secret : SECRETS) {
            if (!secret.always() && !defined.test(secret.property())) {
                continue;
            }
            String value = property.apply(secret.property()).map(String::strip).orElse("");
            String name = secret.variable() + " (" + secret.property() + ", " + secret.purpose() + ")";
            if (value.isEmpty()) {
                problems.add(name + " is not set: set " + secret.variable());
            } else if (isPublished(value, published)) {
                problems.add(name + " is a value published in the repository: set " + secret.variable()
                        + " to a secret of your own");
            } else if (value.getBytes(StandardCharsets.UTF_8).length < secret.minimumBytes()) {
                problems.add(name + " is shorter than " + secret.minimumBytes() + " bytes: set "
                        + secret.variable() + " to a longer one");
            }
        }
        return problems;
    }

    static boolean isPublished(String value, Set<String> published) {
        String lower = value.toLowerCase(Locale.ROOT);
        return published.contains(value) || PLACEHOLDER_WORDS.stream().anyMatch(lower::contains);
    }

    /** The values written in the repository: one place, {@value #PUBLISHED} beside this class. */
    public static Set<String> published() {
        try (InputStream in = PublishedSecretsCheck.class.getResourceAsStream(PUBLISHED)) {
            if (in == null) {
                throw new IllegalStateException(PUBLISHED + " is missing from platform/kit");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
