package nl.regioinkoop.kit.input;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A service's endpoints in small: a body of every kind of field, and the query parameters lists take. */
@Controller("/strict-samples")
@Requires(property = "strict-samples.enabled", value = "true")
@Secured(SecurityRule.IS_AUTHENTICATED)
class StrictSamples {

    @Serdeable
    record Line(@NotBlank String code, int volume) {
    }

    @Serdeable
    record Sample(@NotBlank String name, int intensity, long amountCents, @Nullable Integer volume,
                  @Nullable BigDecimal share, @Nullable LocalDate from, @Nullable Boolean crisis,
                  @Nullable UUID referralId, @Nullable List<String> codes, @Nullable List<@Valid Line> lines) {
    }

    @Post
    Sample create(@Valid @Body Sample sample) {
        return sample;
    }

    @Get("/dates")
    Map<String, Object> dates(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to) {
        return Map.of("from", String.valueOf(from), "to", String.valueOf(to));
    }
}
