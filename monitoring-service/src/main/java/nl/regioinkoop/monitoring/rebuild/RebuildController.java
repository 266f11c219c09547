package nl.regioinkoop.monitoring.rebuild;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

@Controller("/api/v1/admin/rebuild")
@Tag(name = "Administration")
class RebuildController {
    private final Rebuild rebuild;
    private final String region;

    RebuildController(Rebuild rebuild, @Value("${regio.region}") String region) {
        this.rebuild = rebuild;
        this.region = region;
    }

    @Post
    @Secured({Roles.REGION_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Empties every read model and rebuilds it from the beginning of the topics (asynchronous: poll GET for its state)")
    HttpResponse<Rebuild.Status> start(@Body @Valid RebuildRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        caller.requireRegion(region);
        return HttpResponse.accepted().body(rebuild.start(caller.subject(), request.reason()));
    }

    /** Why the read models are rebuilt (a fixed projection, a restored topic): kept with the rebuild's state and logged. */
    @Serdeable
    record RebuildRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Get
    @Secured({Roles.REGION_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "State of the last rebuild: IDLE, RUNNING, DONE or FAILED, with the number of events replayed")
    Rebuild.Status status(Authentication authentication) {
        Caller.of(authentication).requireRegion(region);
        return rebuild.status();
    }
}
