package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Published when a tender (or an open-house admission procedure) is published, with its lots. Topic: contracting.tenders.v1, key: tenderId. */
@Serdeable
public record TenderPublished(UUID eventId, Instant occurredAt, UUID tenderId, String region, String title, String contractForm, List<Lot> lots, LocalDate submissionDeadline) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(tenderId);
    }
}
