package nl.regioinkoop.provider.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the registry beyond registration. */
final class RegistryRequests {
    private RegistryRequests() {
    }

    /** The full new state of a provider's entry; areas are the (4-digit CBS) municipalities or named areas served. */
    @Serdeable
    record UpdateProvider(@NotNull @Pattern(regexp = "\\d{8}", message = "must be a KvK number of 8 digits") String kvkNumber,
                          @NotBlank @Size(max = 200) String name,
                          @NotNull ProviderKind kind,
                          @NotNull @Size(max = 100) List<@NotBlank @Size(max = 60) String> areas,
                          @Nullable @PositiveOrZero Integer capacity,
                          @Nullable @Size(max = 500) String reason) {
    }

    @Serdeable
    record Deactivate(@NotBlank @Size(max = 500) String reason) {
    }

    @Serdeable
    record AddQualification(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 200) String issuedBy,
                            @NotNull LocalDate validFrom, @Nullable LocalDate validTo) {
    }

    @Serdeable
    record Qualification(UUID id, String name, String issuedBy, LocalDate validFrom, LocalDate validTo,
                         boolean validToday) {
    }

    @Serdeable
    record ProviderDetails(UUID id, String agbCode, String kvkNumber, String name, ProviderKind kind, boolean active,
                           List<String> areas, Integer capacity, Instant registeredAt) {
    }

    /** One entry in a provider's history: what changed, by whom, why, and the entry as it was afterwards. */
    @Serdeable
    record Change(Instant changedAt, String changedBy, String change, String reason, ProviderDetails after) {
    }
}
