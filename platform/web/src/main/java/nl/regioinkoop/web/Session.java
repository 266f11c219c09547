package nl.regioinkoop.web;

import io.micronaut.security.authentication.Authentication;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.util.List;

/**
 * Who is signed in, as the screens show it: a name, the role in Dutch and the tenant ("Toegangsmedewerker ·
 * gemeente 0988"). Authorisation never reads this: it goes through {@link Caller}.
 */
public record Session(Caller caller, String name, String role, String tenant) {

    public static Session of(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Object name = authentication.getAttributes().get("name");
        return new Session(caller, name == null ? caller.subject() : name.toString(), roleLabel(caller),
                tenantLabel(caller));
    }

    static String roleLabel(Caller caller) {
        for (String role : List.of(Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER,
                Roles.REGION_ANALYST, Roles.PROVIDER)) {
            if (caller.has(role)) {
                return switch (role) {
                    case Roles.ACCESS_OFFICER -> "Toegangsmedewerker";
                    case Roles.MUNICIPALITY_ANALYST -> "Analist gemeente";
                    case Roles.PROCUREMENT_OFFICER -> "Inkoopbureau";
                    case Roles.REGION_ANALYST -> "Analist regio";
                    default -> "Zorgaanbieder";
                };
            }
        }
        return "Geen rol";
    }

    static String tenantLabel(Caller caller) {
        if (caller.municipalityCode() != null) {
            return "gemeente " + caller.municipalityCode();
        }
        if (caller.providerAgb() != null) {
            return "AGB " + caller.providerAgb();
        }
        return caller.region() == null ? "" : "regio " + caller.region();
    }
}
