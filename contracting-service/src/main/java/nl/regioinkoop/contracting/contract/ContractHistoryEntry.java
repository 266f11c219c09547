package nl.regioinkoop.contracting.contract;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.contracting.ContractTerms;

import java.time.Instant;

/** One version of a contract: what was done, by whom, when, and the full terms after it. */
@Serdeable
public record ContractHistoryEntry(int version, String action, String reason, String actor, Instant occurredAt,
                                   ContractTerms terms) {
}
