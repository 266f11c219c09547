package nl.regioinkoop.kit.security;

import io.micronaut.security.token.MapClaims;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenLifetimeValidatorTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final TokenLifetimeValidator<Object> validator = new TokenLifetimeValidator<>(
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(12), Duration.ofSeconds(60));

    private boolean valid(Object iat, Object nbf, Object exp) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "someone");
        if (iat != null) {
            claims.put("iat", iat);
        }
        if (nbf != null) {
            claims.put("nbf", nbf);
        }
        if (exp != null) {
            claims.put("exp", exp);
        }
        return validator.validate(new MapClaims(claims), null);
    }

    private static Date at(Duration fromNow) {
        return Date.from(NOW.plus(fromNow));
    }

    @Test
    void takesATokenOfAnHourIssuedNow() {
        assertTrue(valid(at(Duration.ZERO), null, at(Duration.ofHours(1))));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertFalse(valid(at(Duration.ZERO), null, null));
        assertFalse(valid(null, null, null));
    }

    @Test
    void refusesAnExpiredTokenBeyondTheSkew() {
        assertFalse(valid(at(Duration.ofHours(-2)), null, at(Duration.ofSeconds(-61))));
        assertTrue(valid(at(Duration.ofHours(-2)), null, at(Duration.ofSeconds(-30))), "within the skew");
    }

    @Test
    void refusesATokenIssuedOrValidOnlyInTheFuture() {
        assertFalse(valid(at(Duration.ofMinutes(5)), null, at(Duration.ofHours(1))), "iat in the future");
        assertFalse(valid(at(Duration.ZERO), at(Duration.ofMinutes(5)), at(Duration.ofHours(1))), "nbf in the future");
        assertTrue(valid(at(Duration.ofSeconds(30)), at(Duration.ofSeconds(30)), at(Duration.ofHours(1))),
                "a clock 30 s ahead is within the skew");
    }

    @Test
    void refusesATokenThatLivesLongerThanTwelveHours() {
        assertTrue(valid(at(Duration.ZERO), null, at(Duration.ofHours(12))));
        assertFalse(valid(at(Duration.ZERO), null, at(Duration.ofHours(13))));
        assertFalse(valid(at(Duration.ofDays(-400)), null, at(Duration.ofHours(1))), "issued long ago, still valid");
        assertFalse(valid(null, null, at(Duration.ofDays(365))), "no iat: measured from now");
        assertTrue(valid(null, null, at(Duration.ofHours(1))));
    }

    @Test
    void readsSecondsSinceTheEpochToo() {
        assertTrue(valid(NOW.getEpochSecond(), null, NOW.plus(Duration.ofHours(1)).getEpochSecond()));
        assertFalse(valid(NOW.getEpochSecond(), null, "tomorrow"), "an exp that is no NumericDate is none");
    }
}
