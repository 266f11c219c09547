package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when an access team registers a referral, or a provider's request for allocation (the JW315 meaning) arrives. Topic: access.referrals.v1, key: referralId. */
@Serdeable
public record ReferralRegistered(UUID eventId, Instant occurredAt, UUID referralId, String municipalityCode, String clientPseudonym, String referrerType, String referrerAgb, LocalDate referralDate, boolean crisis, String requestingProviderAgb, LocalDate answerDeadline) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(referralId);
    }
}
