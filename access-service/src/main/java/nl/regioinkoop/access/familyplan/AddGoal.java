package nl.regioinkoop.access.familyplan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A goal in one domain (YOUTH, WMO, EDUCATION, WORK_AND_INCOME, DEBT, HOUSING, HEALTH, SAFETY, SOCIAL_NETWORK). */
@Serdeable
record AddGoal(@NotBlank String domain, @NotBlank @Size(max = 2000) String description,
               @Nullable LocalDate targetDate) {
}
