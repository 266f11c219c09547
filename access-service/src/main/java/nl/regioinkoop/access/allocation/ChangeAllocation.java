package nl.regioinkoop.access.allocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A change of volume and/or period (an extension is a later validTo); omitted fields stay as they are. */
@Serdeable
public record ChangeAllocation(@Nullable @Positive Long volume, @Nullable LocalDate validFrom,
                               @Nullable LocalDate validTo, @Nullable @Size(max = 500) String overrideReason,
                               @Nullable @Size(max = 500) String reason) {
}
