package nl.regioinkoop.contracting.strategy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What the procurement office decides for a segment; the Kraljic quadrant is derived, not sent. */
@Serdeable
record AdoptStrategy(String round, String segment, String supplyRisk, String financialImpact, String fundingModel,
                     String contractForm, Integer targetProviders, List<String> goals) {
}
