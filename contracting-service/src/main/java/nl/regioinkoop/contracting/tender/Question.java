package nl.regioinkoop.contracting.tender;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A bidder's question and the office's answer. Published without the asker in the memorandum of information. */
@Serdeable
record Question(UUID id, UUID tenderId, int number, UUID lotId, String askedBy, Instant askedAt, String text,
                String answer, Instant answeredAt) {
}
