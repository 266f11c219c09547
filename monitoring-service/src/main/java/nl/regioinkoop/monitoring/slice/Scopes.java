package nl.regioinkoop.monitoring.slice;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Turns a caller's query parameters into the slice they may see. A municipality analyst is held to their own
 * municipality (asking for another is a 403); region analysts and the procurement office must belong to this
 * region; a provider is held to its own AGB code.
 */
@Singleton
public class Scopes {
    private final String region;
    private final Set<String> municipalities;
    private final Clock clock;

    Scopes(@Value("${regio.region}") String region, @Value("${regio.municipalities}") List<String> municipalities,
           Clock clock) {
        this.region = region;
        this.municipalities = Set.copyOf(municipalities);
        this.clock = clock;
    }

    /**
     * Refuses anyone who does not belong to this region: region roles of another region, and analysts of a
     * municipality outside it (403, as for any other tenant's data).
     */
    public void requireRegionMember(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.has(Roles.REGION_ANALYST) || caller.has(Roles.PROCUREMENT_OFFICER)) {
            caller.requireRegion(region);
        } else if (caller.has(Roles.MUNICIPALITY_ANALYST)) {
            if (caller.municipalityCode() == null || !municipalities.contains(caller.municipalityCode())) {
                throw ProblemException.forbidden();
            }
        } else {
            throw ProblemException.forbidden();
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Slice of(Authentication authentication, SliceParams params) {
        Caller caller = Caller.of(authentication);
        Slice slice = Slice.parse(params, today());
        if (caller.has(Roles.REGION_ANALYST) || caller.has(Roles.PROCUREMENT_OFFICER)) {
            caller.requireRegion(region);
            return slice;
        }
        if (caller.has(Roles.MUNICIPALITY_ANALYST)) {
            if (slice.municipality() != null) {
                caller.requireMunicipality(slice.municipality());
            }
            if (caller.municipalityCode() == null || !municipalities.contains(caller.municipalityCode())) {
                throw ProblemException.forbidden();
            }
            return slice.withMunicipality(caller.municipalityCode());
        }
        if (caller.has(Roles.PROVIDER)) {
            if (slice.provider() != null) {
                caller.requireProvider(slice.provider());
            }
            if (caller.providerAgb() == null) {
                throw ProblemException.forbidden();
            }
            return slice.withProvider(caller.providerAgb());
        }
        throw ProblemException.forbidden();
    }

    /** True when the caller sees one municipality only and gets region totals beside it. */
    public boolean municipalOnly(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return !caller.isRegionWide() && caller.has(Roles.MUNICIPALITY_ANALYST);
    }
}
