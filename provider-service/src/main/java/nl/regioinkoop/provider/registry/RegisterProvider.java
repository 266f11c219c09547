package nl.regioinkoop.provider.registry;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the procurement office sends to register a provider. */
@Serdeable
public record RegisterProvider(
        @NotNull @Pattern(regexp = "\\d{8}", message = "must be an AGB code of 8 digits") String agbCode,
        @NotNull @Pattern(regexp = "\\d{8}", message = "must be a KvK number of 8 digits") String kvkNumber,
        @NotBlank @Size(max = 200) String name,
        @NotNull ProviderKind kind) {
}
