package nl.regioinkoop.access.client;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** A client as the municipality's own access officer sees it. */
@Serdeable
public record ClientView(UUID id, String bsn, String name, LocalDate birthDate, String municipalityCode,
                         String pseudonym) {
    static ClientView of(Client c) {
        return new ClientView(c.id(), c.bsn(), c.name(), c.birthDate(), c.municipalityCode(), c.pseudonym());
    }
}
