package nl.regioinkoop.access.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** What an access officer sends to register a resident; the BSN's elfproef is checked by {@link Bsn}. */
@Serdeable
public record RegisterClient(
        @NotNull String bsn,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Past LocalDate birthDate,
        @NotNull @Pattern(regexp = "\\d{4}", message = "must be a CBS municipality code of 4 digits") String municipalityCode,
        @Nullable @Size(max = 500) String reason) {
}
