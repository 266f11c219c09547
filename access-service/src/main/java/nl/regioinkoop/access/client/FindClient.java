package nl.regioinkoop.access.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A search by BSN, sent in a body so the BSN stays out of URLs and access logs. */
@Serdeable
public record FindClient(@NotNull String bsn, @Nullable @Size(max = 500) String reason) {
}
