package nl.regioinkoop.provider.consortium;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.regioinkoop.events.provider.ConsortiumFormed;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Consortia are formed by the procurement office; the registry of them is readable by every role. */
@Controller("/api/v1/consortia")
@Tag(name = "Provider registry")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ConsortiumController {
    private final Consortia consortia;

    ConsortiumController(Consortia consortia) {
        this.consortia = consortia;
    }

    @Serdeable
    record Member(@NotNull @Pattern(regexp = "\\d{8}", message = "must be an AGB code of 8 digits") String agbCode,
                  @NotNull @Pattern(regexp = "LEAD|MEMBER", message = "must be LEAD or MEMBER") String role,
                  @NotNull @Min(1) @Max(10_000) Integer shareBasisPoints) {
    }

    @Serdeable
    record FormConsortium(@NotBlank @Size(max = 200) String name,
                          @NotNull @Size(min = 2, max = 50, message = "must have 2 to 50 members") List<@NotNull @Valid Member> members) {
    }

    @Serdeable
    record Consortium(UUID id, String name, String leadAgb, List<Member> members, Instant formedAt) {
    }

    @Post
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Form a consortium: one LEAD and members, shares in basis points summing to 10000; publishes ConsortiumFormed")
    HttpResponse<Consortium> form(@Body @Valid FormConsortium request) {
        Consortium formed = consortia.form(request);
        return HttpResponse.created(formed, URI.create("/api/v1/consortia/" + formed.id()));
    }

    @Get
    @Operation(summary = "Consortia, a page at a time")
    Page<Consortium> list(Pageable pageable) {
        int size = Math.min(pageable.getSize() <= 0 ? 100 : pageable.getSize(), 1000);
        return Page.of(consortia.page((long) pageable.getNumber() * size, size), Pageable.from(pageable.getNumber(), size),
                consortia.count());
    }

    @Get("/{id}")
    @Operation(summary = "One consortium with its members")
    Consortium one(@PathVariable UUID id) {
        return consortia.find(id).orElseThrow(() -> ProblemException.notFound("Consortium " + id));
    }

}
