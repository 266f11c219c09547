package nl.regioinkoop.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Signs bearer tokens the services accept, with the claims ARCHITECTURE.md names: {@code roles}, and per role
 * the tenant: {@code municipality} (CBS code), {@code agb} (provider AGB code) or {@code region}.
 * Used by tests and by the local run; production uses an OIDC provider's JWKS instead of this shared secret.
 */
public final class Tokens {
    /** The local and test signing secret; the services read the same one from {@code JWT_SECRET}. */
    public static final String LOCAL_SECRET = "regio-inkoop-local-secret-change-me-in-production-0123456789";

    /** The {@code iss} of these tokens; the services accept it only with shared-secret tokens turned on. */
    public static final String ISSUER = "regio-inkoop-local";

    private final String secret;

    public Tokens(String secret) {
        this.secret = secret;
    }

    public static Tokens local() {
        return new Tokens(Infra.envOr("JWT_SECRET", LOCAL_SECRET));
    }

    public String accessOfficer(String municipalityCode) {
        return sign("officer-" + municipalityCode, "ACCESS_OFFICER", "municipality", municipalityCode);
    }

    public String municipalityAnalyst(String municipalityCode) {
        return sign("analyst-" + municipalityCode, "MUNICIPALITY_ANALYST", "municipality", municipalityCode);
    }

    public String procurementOfficer(String region) {
        return sign("procurement-" + region, "PROCUREMENT_OFFICER", "region", region);
    }

    public String regionAnalyst(String region) {
        return sign("region-analyst-" + region, "REGION_ANALYST", "region", region);
    }

    public String provider(String agbCode) {
        return sign("provider-" + agbCode, "PROVIDER", "agb", agbCode);
    }

    public String sign(String subject, String role, String tenantClaim, String tenant) {
        return sign(subject, List.of(role), tenantClaim, tenant, Duration.ofHours(12));
    }

    public String sign(String subject, List<String> roles, String tenantClaim, String tenant, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles);
        if (tenantClaim != null) {
            claims.claim(tenantClaim, tenant);
        }
        return sign(claims.build());
    }

    /**
     * A token of exactly these claims: for tests of what the services refuse (no {@code exp}, a not-before in the
     * future, another issuer). Times are seconds from now, e.g. {@code Map.of("exp", 3600)}.
     */
    public String signClaims(java.util.Map<String, Object> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach((name, value) -> builder.claim(name, switch (name) {
            case "exp", "nbf", "iat" -> Date.from(now.plusSeconds(((Number) value).longValue()));
            default -> value;
        }));
        return sign(builder.build());
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }
}
