package nl.regioinkoop.kit.security;

import io.micronaut.security.authentication.Authentication;
import nl.regioinkoop.kit.problem.ProblemException;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, and for which tenant: read from the token's claims. The {@code require*} methods are the one
 * place that refuses cross-tenant access, always with the same 403 that says nothing of what is there.
 */
public record Caller(String subject, Set<String> roles, String municipalityCode, String providerAgb, String region) {

    public static Caller of(Authentication authentication) {
        Collection<String> roles = authentication.getRoles();
        Object municipality = authentication.getAttributes().get(Roles.MUNICIPALITY_CLAIM);
        Object agb = authentication.getAttributes().get(Roles.AGB_CLAIM);
        Object region = authentication.getAttributes().get(Roles.REGION_CLAIM);
        return new Caller(authentication.getName(), Set.copyOf(roles), asString(municipality), asString(agb),
                asString(region));
    }

    private static String asString(Object claim) {
        return claim == null ? null : claim.toString();
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** A municipality's own officer or analyst; anyone else is refused. */
    public void requireMunicipality(String code) {
        if (municipalityCode == null || !municipalityCode.equals(code)) {
            throw ProblemException.forbidden();
        }
    }

    /** The provider itself; anyone else is refused. */
    public void requireProvider(String agbCode) {
        if (providerAgb == null || !providerAgb.equals(agbCode)) {
            throw ProblemException.forbidden();
        }
    }

    /** Region-wide roles of the given region. */
    public void requireRegion(String regionCode) {
        if (region == null || !Objects.equals(region, regionCode)) {
            throw ProblemException.forbidden();
        }
    }

    public boolean isRegionWide() {
        return region != null && (has(Roles.PROCUREMENT_OFFICER) || has(Roles.REGION_ANALYST));
    }
}
