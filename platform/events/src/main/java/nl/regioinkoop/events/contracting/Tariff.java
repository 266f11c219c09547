package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * One price of a product, valid in a period: per unit (PXQ: profile, intensity and area null), per trajectory
 * for a profile x intensity (OUTPUT, with the share paid on result in basis points, e.g. 1000 = 10 %), or per
 * area per year (LUMP_SUM). Integer eurocents, as in the iStandaarden.
 */
@Serdeable
public record Tariff(String profile, Integer intensity, String area, long amountCents, LocalDate validFrom,
                     LocalDate validTo, int resultShareBasisPoints) {
}
