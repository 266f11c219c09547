package nl.regioinkoop.access.referral;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The answer "no" to a provider's request, with a WJ759 reason code (the JW319 meaning). */
@Serdeable
public record RejectRequest(@NotNull String reasonCode, @Nullable @Size(max = 500) String reason) {
}
