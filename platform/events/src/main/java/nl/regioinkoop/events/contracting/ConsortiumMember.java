package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;

/** A party to a bid or contract: AGB code, role (LEAD or MEMBER) and share in basis points (7000 = 70 %). */
@Serdeable
public record ConsortiumMember(String agbCode, String role, int shareBasisPoints) {
}
