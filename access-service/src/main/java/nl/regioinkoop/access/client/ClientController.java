package nl.regioinkoop.access.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.regioinkoop.access.audit.AuditLog;
import nl.regioinkoop.kit.input.Paged;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.util.UUID;

/** Residents, for their own municipality's access officers only; every call is audit-logged. */
@Controller("/api/v1/clients")
@Tag(name = "Clients")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ACCESS_OFFICER)
class ClientController {
    static final String OBJECT = "client";

    private final ClientRegistration registration;
    private final Clients clients;
    private final AuditLog audit;

    ClientController(ClientRegistration registration, Clients clients, AuditLog audit) {
        this.registration = registration;
        this.clients = clients;
        this.audit = audit;
    }

    @Post
    @Operation(summary = "Register a resident (BSN with elfproef, name, birth date, municipality of residence)")
    HttpResponse<ClientView> register(@Body @Valid RegisterClient command, Authentication authentication,
                                      @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        Client client = audit.audited(caller, OBJECT, null, "REGISTER", AuditLog.reason(command.reason(), reason),
                Client::id, () -> {
                    caller.requireMunicipality(command.municipalityCode());
                    return registration.register(command);
                });
        return HttpResponse.created(ClientView.of(client), URI.create("/api/v1/clients/" + client.id()));
    }

    @Post("/search")
    @Operation(summary = "Find a resident of your municipality by BSN (sent in the body, never in the URL)")
    ClientView find(@Body @Valid FindClient query, Authentication authentication,
                    @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        Client client = audit.audited(caller, OBJECT, null, "SEARCH_BY_BSN", AuditLog.reason(query.reason(), reason),
                Client::id, () -> registration.find(caller.municipalityCode(), Bsn.of(query.bsn()))
                        .orElseThrow(() -> ProblemException.notFound("A client with this BSN")));
        return ClientView.of(client);
    }

    @Get("/{id}")
    @Operation(summary = "One client of your municipality")
    ClientView byId(@PathVariable UUID id, Authentication authentication,
                    @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "READ", reason, () -> {
            Client client = clients.findById(id).orElseThrow(() -> ProblemException.notFound("Client " + id));
            caller.requireMunicipality(client.municipalityCode());
            return ClientView.of(client);
        });
    }

    @Get
    @Operation(summary = "Your municipality's clients, a page at a time, by name")
    @Paged(sort = {"name", "birthDate", "registeredAt"})
    Page<ClientView> list(Pageable pageable, Authentication authentication,
                          @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, null, "LIST", reason,
                () -> clients.findByMunicipalityCode(caller.municipalityCode(), pageable).map(ClientView::of));
    }
}
