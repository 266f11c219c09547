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
                  List<SelectionAnswer> selectionAnswers, boolean passedSelection, Instant submittedAt,
                  List<SelectionVerdict> verdicts) {
    public Bid {
        parties = parties == null ? List.of() : List.copyOf(parties);
        selectionAnswers = selectionAnswers == null ? List.of() : List.copyOf(selectionAnswers);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    Bid submittedOn(Instant at) {
        return new Bid(id, tenderId, lotId, kind, parties, selectionAnswers, passedSelection, at, verdicts);
    }

    /** The office's verdict on a criterion overrules the bidder's own answer; the latest verdict counts. */
    Bid withVerdict(SelectionVerdict verdict) {
        List<SelectionVerdict> all = new java.util.ArrayList<>(verdicts);
        all.add(verdict);
        boolean passed = selectionAnswers.stream().allMatch(a -> all.stream()
                .filter(v -> v.criterion().equals(a.criterion())).reduce((x, y) -> y)
                .map(SelectionVerdict::passed).orElse(Boolean.TRUE.equals(a.passed())));
        return new Bid(id, tenderId, lotId, kind, parties, selectionAnswers, passed, submittedAt, all);
    }

    public String leadAgb() {
        return parties.get(0).agbCode();
    }

    public boolean hasParty(String agb) {
        return parties.stream().anyMatch(p -> p.agbCode().equals(agb));
    }

    /** The office's assessment of a knock-out answer during evaluation, with its reason. */
    @Serdeable
    public record SelectionVerdict(String criterion, boolean passed, String reason, String by, Instant at) {
    }

    @Serdeable
    public record SelectionAnswer(String criterion, Boolean passed, String evidenceReference) {
    }
}
