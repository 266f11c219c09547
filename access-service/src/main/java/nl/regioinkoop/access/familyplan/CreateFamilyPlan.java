package nl.regioinkoop.access.familyplan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A household's plan: its members (registered clients of one municipality) and first goals. */
@Serdeable
record CreateFamilyPlan(@NotBlank @Size(max = 200) String household, @NotEmpty List<UUID> clientIds,
                        @Nullable List<@Valid AddGoal> goals, @Nullable @Size(max = 500) String reason) {
}
