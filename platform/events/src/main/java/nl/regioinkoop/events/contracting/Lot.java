package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A lot of a tender: per segment, optionally per area. */
@Serdeable
public record Lot(UUID lotId, String name, String segment, String area) {
}
