package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.UUID;

/** A bid's place in a lot's ranking, with its weighted total score (0-100). */
@Serdeable
public record RankedBid(UUID bidId, String leadAgb, int rank, BigDecimal totalScore, boolean passedSelection) {
}
