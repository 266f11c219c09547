package nl.regioinkoop.contracting.common;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.contracting.ConsortiumMember;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parties to a bid or contract: one provider alone (its share 10000), or a consortium whose lead (main
 * contractor) delivers at least the configured minimum itself and whose shares sum to 10000.
 */
@Singleton
public class Parties {
    public static final int WHOLE = 10_000;
    private final int leadShareMinimum;

    public Parties(@Value("${contracting.consortium.lead-share-minimum-basis-points:7000}") int leadShareMinimum) {
        this.leadShareMinimum = leadShareMinimum;
    }

    public int leadShareMinimum() {
        return leadShareMinimum;
    }

    /** The lead first (role LEAD), then the members (role MEMBER); refuses what breaks the consortium rules. */
    public List<ConsortiumMember> of(String leadAgb, Integer leadShareBasisPoints, List<PartyShare> members,
                                     String field) {
        Violations violations = new Violations();
        List<PartyShare> others = members == null ? List.of() : members;
        violations.check(Codes.isAgb(leadAgb), field + ".leadAgb", "must be an AGB code of 8 digits");
        Set<String> seen = new HashSet<>();
        seen.add(leadAgb);
        for (int i = 0; i < others.size(); i++) {
            PartyShare member = others.get(i);
            String at = field + ".members[" + i + "]";
            if (member == null) {
                violations.add(at, "must not be null");
                continue;
            }
            if (violations.check(Codes.isAgb(member.agbCode()), at + ".agbCode", "must be an AGB code of 8 digits")) {
                violations.check(seen.add(member.agbCode()), at + ".agbCode",
                        "AGB code " + member.agbCode() + " appears twice in the consortium");
            }
            violations.check(member.shareBasisPoints() != null && member.shareBasisPoints() > 0
                            && member.shareBasisPoints() < WHOLE, at + ".shareBasisPoints",
                    "must be between 1 and 9999 basis points");
        }
        int leadShare = leadShareBasisPoints == null && others.isEmpty() ? WHOLE
                : leadShareBasisPoints == null ? -1 : leadShareBasisPoints;
        violations.check(leadShare > 0 && leadShare <= WHOLE, field + ".leadShareBasisPoints",
                "must be between 1 and 10000 basis points (required for a consortium)");
        violations.throwIfAny();

        int sum = leadShare + others.stream().mapToInt(PartyShare::shareBasisPoints).sum();
        if (sum != WHOLE) {
            throw DomainProblem.unprocessable("shares-do-not-sum-to-whole", "Shares do not sum to 100 %",
                    "The shares of lead and members sum to " + sum + " basis points; they must sum to 10000")
                    .with("sumBasisPoints", sum);
        }
        if (leadShare < leadShareMinimum) {
            throw DomainProblem.unprocessable("lead-share-below-minimum", "The lead's share is below the minimum",
                    "The lead " + leadAgb + " delivers " + leadShare + " basis points itself; a consortium's lead "
                            + "must deliver at least " + leadShareMinimum + " (" + leadShareMinimum / 100 + " %)")
                    .with("leadShareBasisPoints", leadShare).with("minimumBasisPoints", leadShareMinimum);
        }
        List<ConsortiumMember> parties = new ArrayList<>();
        parties.add(new ConsortiumMember(leadAgb, "LEAD", leadShare));
        others.forEach(m -> parties.add(new ConsortiumMember(m.agbCode(), "MEMBER", m.shareBasisPoints())));
        return List.copyOf(parties);
    }
}
