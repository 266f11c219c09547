package nl.regioinkoop.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person (or program) the local OpenID Connect server signs in, with the claims the platform reads: {@code roles}
 * and the tenant claim of the role ({@code municipality}, {@code region} or {@code agb}).
 *
 * @param username what the login page submits and the token's {@code sub}
 * @param label    how the login page names the person, in Dutch
 * @param group    the heading the login page lists the person under (a region)
 */
public record OidcUser(String username, String label, String group, List<String> roles, String tenantClaim,
                       String tenant) {

    public static OidcUser accessOfficer(String group, String municipalityCode, String municipalityName) {
        return new OidcUser("toegang-" + municipalityCode, "Toegangsmedewerker " + municipalityName + " ("
                + municipalityCode + ")", group, List.of("ACCESS_OFFICER"), "municipality", municipalityCode);
    }

    public static OidcUser municipalityAnalyst(String group, String municipalityCode, String municipalityName) {
        return new OidcUser("analist-" + municipalityCode, "Analist " + municipalityName + " (" + municipalityCode
                + ")", group, List.of("MUNICIPALITY_ANALYST"), "municipality", municipalityCode);
    }

    public static OidcUser procurementOfficer(String group, String region) {
        return new OidcUser("inkoop-" + region.toLowerCase(), "Inkoopbureau " + group + " (" + region + ")", group,
                List.of("PROCUREMENT_OFFICER"), "region", region);
    }

    public static OidcUser regionAnalyst(String group, String region) {
        return new OidcUser("regio-analist-" + region.toLowerCase(), "Regio-analist " + group + " (" + region + ")",
                group, List.of("REGION_ANALYST"), "region", region);
    }

    public static OidcUser provider(String group, String agbCode, String name) {
        return new OidcUser("aanbieder-" + agbCode, "Aanbieder " + name + " (AGB " + agbCode + ")", group,
                List.of("PROVIDER"), "agb", agbCode);
    }

    /** The claims a token of this user carries besides the standard ones. */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("roles", roles);
        if (tenantClaim != null) {
            claims.put(tenantClaim, tenant);
        }
        claims.put("name", label);
        return claims;
    }
}
