package nl.regioinkoop.kit.security;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishedSecretsCheckTest {
    private static final String JWT = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    private static final String PSEUDONYM = "access.pseudonym-key";

    private static String random() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> problems(Map<String, String> properties) {
        return PublishedSecretsCheck.problems(p -> Optional.ofNullable(properties.get(p)), properties::containsKey,
                PublishedSecretsCheck.published());
    }

    @Test
    void acceptsKeysOfTheOperatorsOwn() {
        assertEquals(List.of(), problems(Map.of(JWT, random(), PSEUDONYM, random())));
    }

    @Test
    void refusesTheValuesWrittenInTheRepository() {
        List<String> problems = problems(Map.of(JWT, "regio-inkoop-local-secret-change-me-in-production-0123456789",
                PSEUDONYM, "dev-only-pseudonym-key-not-for-production-0123456789"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("JWT_SECRET") && problems.get(0).contains("published"), problems.get(0));
        assertTrue(problems.get(1).startsWith("PSEUDONYM_KEY") && problems.get(1).contains("set PSEUDONYM_KEY"),
                problems.get(1));
    }

    @Test
    void refusesAPlaceholderWithATweak() {
        List<String> problems = problems(Map.of(JWT, "change-me-to-a-long-random-secret-of-at-least-32-bytes!!"));
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void refusesAnAbsentOrShortKey() {
        Map<String, String> properties = new HashMap<>();
        properties.put(PSEUDONYM, "  ");
        List<String> problems = problems(properties);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("JWT_SECRET") && problems.get(0).contains("not set"), problems.get(0));
        assertTrue(problems.get(1).contains("PSEUDONYM_KEY") && problems.get(1).contains("not set"), problems.get(1));
        List<String> shortOne = problems(Map.of(JWT, "0123456789abcdef0123456789abcde"));
        assertEquals(1, shortOne.size());
        assertTrue(shortOne.get(0).contains("shorter than 32 bytes"), shortOne.get(0));
    }

    @Test
    void asksForAServicesOwnKeysOnlyWhereItHasThem() {
        // contracting-service has no pseudonym key: only the token secret is asked for
        List<String> problems = problems(Map.of());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("JWT_SECRET"));
    }

    @Test
    void theListHoldsTheDefaultsTheServicesShip() {
        Set<String> published = PublishedSecretsCheck.published();
        assertTrue(published.contains("regio-inkoop-local-secret-change-me-in-production-0123456789"));
        assertTrue(published.size() >= 10, published.toString());
    }
}
