package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;

/** A member of a consortium: its AGB code, role (LEAD or MEMBER) and share in basis points (7000 = 70 %). */
@Serdeable
public record ConsortiumMember(String agbCode, String role, int shareBasisPoints) {
}
