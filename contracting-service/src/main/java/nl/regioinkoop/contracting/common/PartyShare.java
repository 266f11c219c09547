package nl.regioinkoop.contracting.common;

import io.micronaut.serde.annotation.Serdeable;

/** A consortium member next to the lead, with its share of the work in basis points (2000 = 20 %). */
@Serdeable
public record PartyShare(String agbCode, Integer shareBasisPoints) {
}
