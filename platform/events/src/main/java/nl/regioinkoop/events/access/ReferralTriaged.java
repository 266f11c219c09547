package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a referral is triaged: segment, profile, intensity and outcome (NORMALISED, GENERAL_PROVISION, SPECIALIST_CARE). Topic: access.referrals.v1, key: referralId. */
@Serdeable
public record ReferralTriaged(UUID eventId, Instant occurredAt, UUID referralId, String municipalityCode, String clientPseudonym, String referrerType, String segment, String profile, Integer intensity, String outcome, LocalDate triagedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(referralId);
    }
}
