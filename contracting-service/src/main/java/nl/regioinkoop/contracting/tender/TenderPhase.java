package nl.regioinkoop.contracting.tender;

import java.util.Set;

/** The phases of a tender, in order. MARKET_CONSULTATION and DIALOGUE (after preselection) may be skipped. */
public enum TenderPhase {
    PREPARATION,
    MARKET_CONSULTATION,
    PUBLICATION,
    QUESTIONS,
    MEMORANDUM_OF_INFORMATION,
    DIALOGUE,
    SUBMISSION_DEADLINE,
    EVALUATION,
    PROVISIONAL_AWARD,
    STANDSTILL,
    DEFINITIVE_AWARD,
    IMPLEMENTATION;

    static final Set<TenderPhase> OPTIONAL = Set.of(MARKET_CONSULTATION, DIALOGUE);
    /** Phases in which bids are accepted (until the submission deadline's date has passed). */
    static final Set<TenderPhase> OPEN_FOR_BIDS = Set.of(PUBLICATION, QUESTIONS, MEMORANDUM_OF_INFORMATION, DIALOGUE);
    static final Set<TenderPhase> OPEN_FOR_QUESTIONS = Set.of(PUBLICATION, QUESTIONS);

    public boolean isPublished() {
        return ordinal() >= PUBLICATION.ordinal();
    }

    boolean before(TenderPhase other) {
        return ordinal() < other.ordinal();
    }
}
