package nl.regioinkoop.access.referral;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral (COD327 referrer), or a provider's request for allocation when {@code requestingProviderAgb} is set,
 * with the triage recorded on it. Outcome: NORMALISED, GENERAL_PROVISION or SPECIALIST_CARE.
 */
@Serdeable
@MappedEntity("referral")
public record Referral(@Id UUID id, UUID clientId, String municipalityCode, String clientPseudonym,
                       String referrerType, @Nullable String referrerName, @Nullable String referrerAgb,
                       LocalDate referralDate, String question, boolean crisis,
                       @Nullable String requestingProviderAgb, @Nullable LocalDate receivedOn,
                       @Nullable LocalDate answerDeadline, @Nullable LocalDate answeredOn, @Nullable String answer,
                       @Nullable String rejectionReasonCode, @Nullable String rejectionReason,
                       @Nullable String segment, @Nullable String profile, @Nullable Integer intensity,
                       @Nullable String outcome, @Nullable String triageNotes, @Nullable LocalDate triagedOn,
                       Instant registeredAt) {
    public static final String SPECIALIST_CARE = "SPECIALIST_CARE";

    public boolean isRequest() {
        return requestingProviderAgb != null;
    }

    public Referral answered(String answer, LocalDate on, String reasonCode, String reason) {
        return new Referral(id, clientId, municipalityCode, clientPseudonym, referrerType, referrerName, referrerAgb,
                referralDate, question, crisis, requestingProviderAgb, receivedOn, answerDeadline, on, answer,
                reasonCode, reason, segment, profile, intensity, outcome, triageNotes, triagedOn, registeredAt);
    }
}
