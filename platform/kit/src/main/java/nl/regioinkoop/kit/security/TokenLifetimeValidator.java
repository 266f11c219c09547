package nl.regioinkoop.kit.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A token must say when it ends ({@code exp}), may live at most {@code regio.security.token-max-lifetime} (12 h),
 * and is not taken before its {@code nbf} or {@code iat}: each with {@code regio.security.clock-skew} (60 s) of
 * tolerance for clocks that differ. A token without an end would be a password for ever.
 */
@Singleton
public class TokenLifetimeValidator<T> implements GenericJwtClaimsValidator<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLifetimeValidator.class);

    private final Clock clock;
    private final Duration maxLifetime;
    private final Duration skew;

    @jakarta.inject.Inject
    TokenLifetimeValidator(@Value("${regio.security.token-max-lifetime:12h}") Duration maxLifetime,
                           @Value("${regio.security.clock-skew:60s}") Duration skew) {
        // the wall clock, not the services' Clock bean: that one is the business date, which tests fix in the past
        this(Clock.systemUTC(), maxLifetime, skew);
    }

    TokenLifetimeValidator(Clock clock, Duration maxLifetime, Duration skew) {
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.skew = skew;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        Instant now = clock.instant();
        Instant expires = instant(claims.get(Claims.EXPIRATION_TIME));
        Instant notBefore = instant(claims.get(Claims.NOT_BEFORE));
        Instant issued = instant(claims.get(Claims.ISSUED_AT));
        String refusal = null;
        if (expires == null) {
            refusal = "it has no exp";
        } else if (!expires.plus(skew).isAfter(now)) {
            refusal = "it expired at " + expires;
        } else if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
            refusal = "its nbf " + notBefore + " lies in the future";
        } else if (issued != null && issued.isAfter(now.plus(skew))) {
            refusal = "its iat " + issued + " lies in the future";
        } else {
            Instant start = issued != null ? issued : notBefore != null ? notBefore : now;
            if (Duration.between(start, expires).compareTo(maxLifetime.plus(skew)) > 0) {
                refusal = "it lives longer than " + maxLifetime;
            }
        }
        if (refusal != null) {
            LOG.debug("token refused: {}", refusal);
            return false;
        }
        return true;
    }

    /** A NumericDate claim as the parser gives it: a Date, seconds since the epoch, or an Instant. */
    static Instant instant(Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        if (claim instanceof Instant instant) {
            return instant;
        }
        return null;
    }
}
