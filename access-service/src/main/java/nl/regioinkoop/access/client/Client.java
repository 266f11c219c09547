package nl.regioinkoop.access.client;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A resident known to one municipality's access team. Never returned over HTTP as is: see {@link ClientView}. */
@MappedEntity("client")
public record Client(@Id UUID id, String bsn, String pseudonym, String name, LocalDate birthDate,
                     String municipalityCode, Instant registeredAt) {
}
