package nl.regioinkoop.contracting.contract;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * A price as written by the procurement office. PXQ: only the amount per unit. OUTPUT: profile, intensity and
 * optionally the share paid on result (basis points). LUMP_SUM: the area and the amount per year.
 * {@code validFrom} defaults to the start of the term; {@code validTo} null means until the contract ends.
 */
@Serdeable
public record TariffInput(String profile, Integer intensity, String area, Long amountCents,
                          Integer resultShareBasisPoints, LocalDate validFrom, LocalDate validTo) {
}
