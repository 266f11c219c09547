package nl.regioinkoop.access.referral;

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
import io.micronaut.http.annotation.Put;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Referrals, triage and providers' requests for allocation, per municipality; audit-logged as client data. */
@Controller("/api/v1")
@Tag(name = "Referrals and triage")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReferralController {
    static final String OBJECT = "referral";

    private final ReferralDesk desk;
    private final Referrals referrals;
    private final AuditLog audit;
    private final Clock clock;

    ReferralController(ReferralDesk desk, Referrals referrals, AuditLog audit, Clock clock) {
        this.desk = desk;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    @Post("/referrals")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Register a referral, or a provider's request for allocation (with requestingProviderAgb)")
    HttpResponse<Referral> register(@Body @Valid RegisterReferral command, Authentication authentication,
                                    @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        Referral referral = audit.audited(caller, OBJECT, null, "REGISTER", AuditLog.reason(command.reason(), reason),
                Referral::id, () -> desk.register(command, caller));
        return HttpResponse.created(referral, URI.create("/api/v1/referrals/" + referral.id()));
    }

    @Get("/referrals/{id}")
    @Secured({Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST})
    @Operation(summary = "One referral of your municipality")
    Referral byId(@PathVariable UUID id, Authentication authentication, @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "READ", reason, () -> {
            Referral referral = referrals.findById(id).orElseThrow(() -> ProblemException.notFound("Referral " + id));
            caller.requireMunicipality(referral.municipalityCode());
            return referral;
        });
    }

    @Get("/referrals")
    @Secured({Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST})
    @Operation(summary = "Your municipality's referrals, a page at a time")
    @Paged(sort = {"referralDate", "registeredAt"})
    Page<Referral> list(Pageable pageable, Authentication authentication, @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, null, "LIST", reason,
                () -> referrals.findByMunicipalityCode(caller.municipalityCode(), pageable));
    }

    @Put("/referrals/{id}/triage")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Record the triage: segment, profile, intensity and outcome")
    Referral triage(@PathVariable UUID id, @Body @Valid RecordTriage command, Authentication authentication,
                    @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "TRIAGE", AuditLog.reason(command.reason(), reason),
                () -> desk.triage(id, command, caller));
    }

    @Post("/referrals/{id}/triage")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Record the triage (same as PUT)")
    Referral triageByPost(@PathVariable UUID id, @Body @Valid RecordTriage command, Authentication authentication,
                          @Nullable @Header("X-Reason") String reason) {
        return triage(id, command, authentication, reason);
    }

    @Get("/triage-settings")
    @Secured({Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST})
    @Operation(summary = "The segments, client profiles and highest intensity of the caller's region")
    RegionSettings settings(Authentication authentication) {
        return desk.settings(Caller.of(authentication).municipalityCode());
    }

    @Get("/allocation-requests/overdue")
    @Secured({Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST})
    @Operation(summary = "Providers' requests for allocation not answered within 5 working days, most overdue first")
    Page<Referral> overdue(Pageable pageable, Authentication authentication, @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, null, "LIST_OVERDUE", reason,
                () -> referrals.findOverdue(caller.municipalityCode(), LocalDate.now(clock), pageable));
    }

    @Post("/allocation-requests/{id}/rejection")
    @Secured(Roles.ACCESS_OFFICER)
    @Operation(summary = "Reject a provider's request for allocation with a WJ759 reason (JW319 meaning)")
    Referral reject(@PathVariable UUID id, @Body @Valid RejectRequest command, Authentication authentication,
                    @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "REJECT_REQUEST", AuditLog.reason(command.reason(), reason),
                () -> desk.reject(id, command, caller));
    }
}
