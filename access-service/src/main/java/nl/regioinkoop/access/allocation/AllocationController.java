package nl.regioinkoop.access.allocation;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import nl.regioinkoop.access.audit.AuditLog;
import nl.regioinkoop.access.client.Client;
import nl.regioinkoop.access.client.Clients;
import nl.regioinkoop.access.contract.Eligibility;
import nl.regioinkoop.kit.input.Paged;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Allocations per municipality, eligible providers for a referral, and the client's identity for its provider. */
@Controller("/api/v1")
@Tag(name = "Allocations")
@ExecuteOn(TaskExecutors.BLOCKING)
class AllocationController {
    static final String OBJECT = "allocation";

    private final AllocationDesk desk;
    private final Allocations allocations;
    private final Clients clients;
    private final AuditLog audit;
    private final Clock clock;

    AllocationController(AllocationDesk desk, Allocations allocations, Clients clients, AuditLog audit, Clock clock) {
        this.desk = desk;
        this.allocations = allocations;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the allocated provider may know of its client to deliver care. */
    @Serdeable
    record ClientIdentity(String name, String bsn, LocalDate birthDate) {
    }

    @Serdeable
    record Withdraw(@Nullable String reasonCode, @Nullable String reason) {
    }

    @Get("/referrals/{id}/eligible-providers")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Providers the family may choose among: a valid contract for the product, the referral's "
            + "segment, profile, intensity and municipality, and the period (default: a year from today)")
    List<Eligibility> eligible(@PathVariable UUID id, @NotNull @Pattern(regexp = "[0-9A-Z]{1,5}",
                                       message = "must be a product code of up to 5 characters") @QueryValue String productCode,
                               @Nullable @QueryValue LocalDate validFrom, @Nullable @QueryValue LocalDate validTo,
                               Authentication authentication, @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        LocalDate from = validFrom == null ? LocalDate.now(clock) : validFrom;
        LocalDate to = validTo == null ? from.plusYears(1).minusDays(1) : validTo;
        return audit.audited(caller, "referral", id.toString(), "LIST_ELIGIBLE_PROVIDERS", reason,
                () -> desk.eligibleProviders(id, productCode, from, to, caller));
    }

    @Post("/allocations")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Issue an allocation; commits its expected cost on the budget line (422 budget-exceeded)")
    HttpResponse<Allocation> issue(@Body @Valid IssueAllocation command, Authentication authentication,
                                   @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        Allocation allocation = audit.audited(caller, OBJECT, null, "ISSUE", AuditLog.reason(command.reason(), reason),
                Allocation::id, () -> desk.issue(command, caller));
        return HttpResponse.created(allocation, URI.create("/api/v1/allocations/" + allocation.id()));
    }

    @Get("/allocations/{id}")
    @Secured({Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST})
    @Operation(summary = "One allocation of your municipality")
    Allocation byId(@PathVariable UUID id, Authentication authentication, @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "READ", reason, () -> {
            Allocation allocation = allocations.findById(id)
                    .orElseThrow(() -> ProblemException.notFound("Allocation " + id));
            caller.requireMunicipality(allocation.municipalityCode());
            return allocation;
        });
    }

    @Get("/allocations")
    @Secured({Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST})
    @Operation(summary = "Your municipality's allocations, a page at a time")
    @Paged(sort = {"validFrom", "validTo", "issuedAt", "providerAgb", "productCode", "status"})
    Page<Allocation> list(Pageable pageable, Authentication authentication, @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, null, "LIST", reason,
                () -> allocations.findByMunicipalityCode(caller.municipalityCode(), pageable));
    }

    @Post("/allocations/{id}/change")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Change volume and/or period; growth is committed (may be refused), shrinkage released")
    Allocation change(@PathVariable UUID id, @Body @Valid ChangeAllocation command, Authentication authentication,
                      @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "CHANGE", AuditLog.reason(command.reason(), reason),
                () -> desk.change(id, command, caller));
    }

    @Post("/allocations/{id}/extension")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Extend: move the end date later (validTo); the contract must cover it")
    Allocation extend(@PathVariable UUID id, @Body @Valid ChangeAllocation command, Authentication authentication,
                      @Nullable @Header("X-Reason") String reason) {
        if (command.validTo() == null || command.volume() != null || command.validFrom() != null) {
            throw ProblemException.invalid("An extension gives only a new validTo");
        }
        return change(id, command, authentication, reason);
    }

    @Post("/allocations/{id}/end")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "End care on endDate with a JZ588 reason code; releases the unused budget")
    Allocation end(@PathVariable UUID id, @Body @Valid EndAllocation command, Authentication authentication,
                   @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "END", AuditLog.reason(command.reason(), reason),
                () -> desk.end(id, command, false, caller));
    }

    @Post("/allocations/{id}/withdrawal")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Withdraw the allocation (JZ588 reason, default 36); releases all unrealised budget")
    Allocation withdraw(@PathVariable UUID id, @Body @Valid Withdraw command, Authentication authentication,
                        @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "WITHDRAW", AuditLog.reason(command.reason(), reason),
                () -> desk.end(id, new EndAllocation(null, command.reasonCode(), command.reason()), true, caller));
    }

    @Get("/allocations/{id}/client")
    @Secured(Roles.PROVIDER)
    @Operation(summary = "The client's name, BSN and birth date, for the allocated provider only (audit-logged)")
    ClientIdentity client(@PathVariable UUID id, Authentication authentication,
                          @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "READ_CLIENT_IDENTITY", reason, () -> {
            // not found and not yours answer alike, so a provider learns nothing of others' allocations
            Allocation allocation = allocations.findById(id)
                    .filter(a -> a.providerAgb().equals(caller.providerAgb()))
                    .orElseThrow(() -> ProblemException.notFound("Allocation " + id));
            Client client = clients.findById(allocation.clientId()).orElseThrow();
            return new ClientIdentity(client.name(), client.bsn(), client.birthDate());
        });
    }
}
