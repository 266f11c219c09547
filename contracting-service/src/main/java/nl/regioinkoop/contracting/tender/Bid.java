package nl.regioinkoop.contracting.tender;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.contracting.ConsortiumMember;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bid on a lot (kind BID), or an admission to an open house (kind ADMISSION): the parties and the answers to
 * the knock-out selection criteria, each with the evidence it rests on.
 */
@Serdeable
public record Bid(UUID id, UUID tenderId, UUID lotId, String kind, List<ConsortiumMember> parties,
                  List<SelectionAnswer> selectionAnswers, boolean passedSelection, Instant submittedAt) {
    public Bid {
        parties = parties == null ? List.of() : List.copyOf(parties);
        selectionAnswers = selectionAnswers == null ? List.of() : List.copyOf(selectionAnswers);
    }

    public String leadAgb() {
        return parties.get(0).agbCode();
    }

    public boolean hasParty(String agb) {
        return parties.stream().anyMatch(p -> p.agbCode().equals(agb));
    }

    @Serdeable
    public record SelectionAnswer(String criterion, Boolean passed, String evidenceReference) {
    }
}
