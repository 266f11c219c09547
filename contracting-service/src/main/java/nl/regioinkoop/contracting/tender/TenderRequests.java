package nl.regioinkoop.contracting.tender;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.contracting.common.PartyShare;
import nl.regioinkoop.contracting.contract.ProductInput;
import nl.regioinkoop.contracting.contract.TermsInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bodies of the tender endpoints. */
public final class TenderRequests {
    private TenderRequests() {
    }

    /**
     * A tender under a strategy: lots with their products and tariffs, the draft terms every contract gets,
     * criteria, the submission deadline and optional planned dates per phase.
     */
    @Serdeable
    record CreateTender(UUID strategyId, String title, String description, List<LotInput> lots, TermsInput terms,
                        LocalDate submissionDeadline, Map<String, LocalDate> plannedDates, Boolean dialogue,
                        Integer standstillDays, List<Tender.SelectionCriterion> selectionCriteria,
                        List<Tender.AwardCriterion> awardCriteria) {
    }

    @Serdeable
    record LotInput(String name, String segment, String area, List<ProductInput> products) {
    }

    /** {@code effectiveDate}: the day the phase began, default today; never in the future or before the last step. */
    @Serdeable
    record ChangePhase(String phase, LocalDate effectiveDate) {
    }

    /** A bid, or an open-house admission: the lead is the caller; members are the other consortium parties. */
    @Serdeable
    public record SubmitBid(UUID lotId, String leadAgb, Integer leadShareBasisPoints, List<PartyShare> members,
                            List<Bid.SelectionAnswer> selectionAnswers, LocalDate submittedOn) {
    }

    @Serdeable
    record AskQuestion(UUID lotId, String text) {
    }

    @Serdeable
    record AnswerQuestion(String answer) {
    }

    /** One evaluator's scores (0-10) for one bid, per award criterion code. */
    @Serdeable
    record RecordScores(UUID bidId, String evaluator, Map<String, BigDecimal> scores) {
    }

    /** The office's verdict on one knock-out criterion of a bid, e.g. after checking the evidence. */
    @Serdeable
    record JudgeSelection(String criterion, Boolean passed, String reason) {
    }

    @Serdeable
    record Award(Boolean definitive, LocalDate effectiveDate) {
    }
}
