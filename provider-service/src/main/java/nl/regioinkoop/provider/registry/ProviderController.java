package nl.regioinkoop.provider.registry;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;

@Controller("/api/v1/providers")
@Tag(name = "Provider registry")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProviderController {
    private final ProviderRegistration registration;
    private final Providers providers;

    ProviderController(ProviderRegistration registration, Providers providers) {
        this.registration = registration;
        this.providers = providers;
    }

    @Post
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Register a provider (procurement office)")
    HttpResponse<Provider> register(@Body @Valid RegisterProvider command) {
        Provider provider = registration.register(command);
        return HttpResponse.created(provider, URI.create("/api/v1/providers/" + provider.agbCode()));
    }

    /** The registry is public knowledge within the region: every authenticated role may read it. */
    @Get
    @Operation(summary = "List registered providers, a page at a time")
    Page<Provider> list(Pageable pageable) {
        return providers.findAll(pageable);
    }

    @Get("/{agbCode}")
    @Operation(summary = "One provider by AGB code")
    Provider byAgbCode(@PathVariable String agbCode) {
        return providers.findByAgbCode(agbCode).orElseThrow(() -> ProblemException.notFound("Provider " + agbCode));
    }
}
