package nl.regioinkoop.contracting.contract;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A product as the procurement office writes it: JZ020 (40-55) or WMO020 (01-18) category, a product code of up to
 * 5 characters, its funding model, WJ756 unit, and tariffs.
 */
@Serdeable
public record ProductInput(String productCategory, String productCode, String segment, String fundingModel,
                           String unit, List<TariffInput> tariffs) {
}
