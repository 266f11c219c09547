package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A product under a contract (iJw JZ020 / iWmo WMO020 category and a product code of up to 5 characters), how it
 * is funded and at which tariffs.
 *
 * @param fundingModel PXQ (price per unit), OUTPUT (price per trajectory per profile x intensity), LUMP_SUM (per
 *                     area per year), CAPACITY, POPULATION or COST_PLUS
 * @param unit         WJ756 unit code for PXQ (01 minute, 04 hour, 14 24 h, 16 day part, 82/84 piece, 83 euros)
 */
@Serdeable
public record ContractProduct(String productCategory, String productCode, String segment, String fundingModel,
                              String unit, List<Tariff> tariffs) {
}
