package nl.regioinkoop.provider.registry;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.regioinkoop.kit.input.Paged;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.util.List;

@Controller("/api/v1/providers")
@Tag(name = "Provider registry")
// the registry is known to every role of the region; a token without one of its roles reads nothing
@Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST,
        Roles.PROVIDER})
class ProviderController {
    private final ProviderRegistration registration;
    private final Providers providers;
    private final ProviderMaintenance maintenance;

    ProviderController(ProviderRegistration registration, Providers providers, ProviderMaintenance maintenance) {
        this.registration = registration;
        this.providers = providers;
        this.maintenance = maintenance;
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
    @Paged(sort = {"agbCode", "name", "registeredAt"})
    Page<Provider> list(Pageable pageable) {
        return providers.findAll(pageable);
    }

    @Get("/{agbCode}")
    @Operation(summary = "One provider by AGB code, with areas served and capacity")
    RegistryRequests.ProviderDetails byAgbCode(@PathVariable String agbCode) {
        return maintenance.details(agbCode);
    }

    @Put("/{agbCode}")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Replace a provider's entry (KvK, name, kind, areas, capacity); publishes ProviderUpdated")
    RegistryRequests.ProviderDetails update(@PathVariable String agbCode,
                                            @Body @Valid RegistryRequests.UpdateProvider request,
                                            Authentication authentication) {
        return maintenance.update(agbCode, request, authentication.getName());
    }

    @Post("/{agbCode}/deactivate")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Deactivate a provider, with a reason; publishes ProviderUpdated with active false")
    RegistryRequests.ProviderDetails deactivate(@PathVariable String agbCode,
                                                @Body @Valid RegistryRequests.Deactivate request,
                                                Authentication authentication) {
        return maintenance.deactivate(agbCode, request.reason(), authentication.getName());
    }

    @Get("/{agbCode}/history")
    @Operation(summary = "Every change of a provider's entry, oldest first, with who, why and the entry after it")
    List<RegistryRequests.Change> history(@PathVariable String agbCode) {
        return maintenance.history(agbCode);
    }

    @Post("/{agbCode}/qualifications")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Record a qualification (certificate, accreditation) with its validity")
    HttpResponse<RegistryRequests.Qualification> qualify(@PathVariable String agbCode,
                                                         @Body @Valid RegistryRequests.AddQualification request,
                                                         Authentication authentication) {
        return HttpResponse.created(maintenance.addQualification(agbCode, request, authentication.getName()));
    }

    @Get("/{agbCode}/qualifications")
    @Operation(summary = "A provider's qualifications, each marked whether it is valid today")
    List<RegistryRequests.Qualification> qualifications(@PathVariable String agbCode) {
        return maintenance.qualifications(agbCode);
    }
}
