package nl.regioinkoop.contracting.strategy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The adopted procurement strategy of one segment in one procurement round. */
@Serdeable
public record Strategy(UUID id, String region, String round, String segment, Level supplyRisk,
                       Level financialImpact, KraljicQuadrant kraljicQuadrant, String fundingModel,
                       String contractForm, Integer targetProviders, List<String> goals, Instant adoptedAt,
                       String adoptedBy) {
    public Strategy {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    public enum Level { LOW, HIGH }
}
