package nl.regioinkoop.access.contract;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * A provider that may be allocated a product under a contract, with what the allocation takes from the
 * contract: category, segment, funding model, unit and the tariff valid on the allocation's start.
 */
@Serdeable
public record Eligibility(String providerAgb, String providerName, UUID contractId, String contractForm,
                          String productCategory, String productCode, String segment, String fundingModel,
                          String unit, long tariffCents) {
}
