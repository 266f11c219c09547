package nl.regioinkoop.access.familyplan;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import nl.regioinkoop.access.audit.AuditLog;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.util.UUID;

/** Family plans, for the household's own municipality's access officers; audit-logged as client data. */
@Controller("/api/v1/family-plans")
@Tag(name = "Family plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ACCESS_OFFICER)
class FamilyPlanController {
    static final String OBJECT = "family-plan";

    private final FamilyPlans plans;
    private final AuditLog audit;

    FamilyPlanController(FamilyPlans plans, AuditLog audit) {
        this.plans = plans;
        this.audit = audit;
    }

    @Serdeable
    record GoalStatus(@NotBlank String status) {
    }

    @Post
    @Operation(summary = "Create the household's family plan with its members and goals")
    HttpResponse<FamilyPlans.Plan> create(@Body @Valid CreateFamilyPlan command, Authentication authentication,
                                          @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        FamilyPlans.Plan plan = audit.audited(caller, OBJECT, null, "CREATE", AuditLog.reason(command.reason(), reason),
                FamilyPlans.Plan::id, () -> plans.create(command, caller));
        return HttpResponse.created(plan, URI.create("/api/v1/family-plans/" + plan.id()));
    }

    @Get("/{id}")
    @Operation(summary = "One family plan with members and goals")
    FamilyPlans.Plan byId(@PathVariable UUID id, Authentication authentication,
                          @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "READ", reason, () -> plans.readable(id, caller));
    }

    @Post("/{id}/goals")
    @Operation(summary = "Add a goal in a domain")
    HttpResponse<FamilyPlans.Plan> addGoal(@PathVariable UUID id, @Body @Valid AddGoal goal,
                                           Authentication authentication, @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        FamilyPlans.Plan plan = audit.audited(caller, OBJECT, id.toString(), "ADD_GOAL", reason,
                () -> plans.addGoal(id, goal, caller));
        return HttpResponse.created(plan, URI.create("/api/v1/family-plans/" + id));
    }

    @Put("/{id}/goals/{goalId}")
    @Operation(summary = "Set a goal's status: OPEN, ACHIEVED or ABANDONED")
    FamilyPlans.Plan setStatus(@PathVariable UUID id, @PathVariable UUID goalId, @Body @Valid GoalStatus body,
                               Authentication authentication, @Nullable @Header("X-Reason") String reason) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, OBJECT, id.toString(), "SET_GOAL_STATUS", reason,
                () -> plans.setGoalStatus(id, goalId, body.status(), caller));
    }
}
