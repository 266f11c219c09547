package nl.regioinkoop.access.familyplan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import nl.regioinkoop.access.audit.AuditLog;
import nl.regioinkoop.access.client.Bsn;
import nl.regioinkoop.access.client.Client;
import nl.regioinkoop.access.client.ClientRegistration;
import nl.regioinkoop.access.client.Clients;
import nl.regioinkoop.access.screen.FormSubmissions;
import nl.regioinkoop.access.screen.Screens;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.web.Form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The household's family plan (gezinsplan): drawn up from a resident's file with its first goal, then goals across
 * the life domains with their status. The same {@link FamilyPlans} use case and audit as {@link FamilyPlanController}.
 */
@Controller("/toegang")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ACCESS_OFFICER)
class FamilyPlanScreen {
    private final FamilyPlans plans;
    private final Clients clients;
    private final ClientRegistration registration;
    private final AuditLog audit;
    private final FormSubmissions forms;
    private final Screens screens;

    FamilyPlanScreen(FamilyPlans plans, Clients clients, ClientRegistration registration, AuditLog audit,
                     FormSubmissions forms, Screens screens) {
        this.plans = plans;
        this.clients = clients;
        this.registration = registration;
        this.audit = audit;
        this.forms = forms;
        this.screens = screens;
    }

    /** No {@code @View}: a redirect's answer must not be rendered as a page (it has no model). */
    @Get(uri = "/clienten/{clientId}/gezinsplan", produces = MediaType.TEXT_HTML)
    HttpResponse<?> start(@PathVariable UUID clientId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Client client = ownClient(clientId, caller);
        UUID plan = plans.planOf(clientId);
        if (plan != null) {
            return Screens.redirect("/toegang/gezinsplannen/" + plan);
        }
        String surname = client.name().contains(" ") ? client.name().substring(client.name().lastIndexOf(' ') + 1)
                : client.name();
        return Screens.page(HttpStatus.OK, "toegang/family-plan-new",
                newModel(client, Form.of(Map.of("household", "Gezin " + surname))));
    }

    @Post(uri = "/clienten/{clientId}/gezinsplan", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> create(@PathVariable UUID clientId, @Body Map<String, String> fields,
                           Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Form form = Form.submitted(fields);
        String draft = "gezinsplan-" + clientId;
        try {
            FamilyPlans.Plan plan = audit.audited(caller, FamilyPlanController.OBJECT, null, "CREATE", null,
                    FamilyPlans.Plan::id, () -> forms.once(caller, form.key(), "create-family-plan", () -> {
                        List<UUID> members = new ArrayList<>(List.of(clientId));
                        String other = Screens.text(form, "memberBsn");
                        if (other != null) {
                            Client member = registration.find(caller.municipalityCode(), Bsn.of(other))
                                    .orElseThrow(() -> ProblemException.invalid("No resident with this BSN",
                                            new Problem.Violation("memberBsn", "unknown client")));
                            if (!member.id().equals(clientId)) {
                                members.add(member.id());
                            }
                        }
                        List<AddGoal> goals = Screens.text(form, "description") == null && Screens.text(form,
                                "domain") == null ? List.of() : List.of(new AddGoal(form.value("domain"),
                                form.value("description"), Screens.date(form, "targetDate")));
                        return plans.create(screens.valid(new CreateFamilyPlan(form.value("household"), members,
                                goals, null)), caller);
                    }, p -> "/toegang/gezinsplannen/" + p.id()));
            return Screens.redirect("/toegang/gezinsplannen/" + plan.id() + "?gedaan=" + draft);
        } catch (FormSubmissions.AlreadySent sent) {
            return Screens.redirect(sent.location() + "?gedaan=" + draft);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            // a memberBsn violation names the BSN field of this form
            return Screens.page(refused.status(), "toegang/family-plan-new",
                    newModel(ownClient(clientId, caller), form.refusedBy(refused)));
        }
    }

    private Map<String, Object> newModel(Client client, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("client", client);
        model.put("form", form);
        return model;
    }

    @Get(uri = "/gezinsplannen/{id}", produces = MediaType.TEXT_HTML)
    @View("toegang/family-plan")
    Map<String, Object> page(@PathVariable UUID id, @Nullable @QueryValue String gedaan,
                             Authentication authentication) {
        Map<String, Object> model = planModel(id, Caller.of(authentication), Form.blank());
        model.put("notice", Screens.notice(gedaan));
        model.put("done", Screens.done(gedaan));
        return model;
    }

    /** actie=doel adds a goal; actie=status sets a goal's status. */
    @Post(uri = "/gezinsplannen/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> act(@PathVariable UUID id, @Body Map<String, String> fields, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Form form = Form.submitted(fields);
        boolean status = "status".equals(fields.get("actie"));
        String draft = (status ? "doelstatus-" : "doel-") + id;
        try {
            if (status) {
                UUID goal = goalId(form);
                audit.audited(caller, FamilyPlanController.OBJECT, id.toString(), "SET_GOAL_STATUS", null,
                        () -> forms.once(caller, form.key(), "set-goal-status",
                                () -> plans.setGoalStatus(id, goal, form.value("status"), caller),
                                p -> "/toegang/gezinsplannen/" + id));
            } else {
                audit.audited(caller, FamilyPlanController.OBJECT, id.toString(), "ADD_GOAL", null,
                        () -> forms.once(caller, form.key(), "add-goal", () -> plans.addGoal(id, screens.valid(
                                new AddGoal(form.value("domain"), form.value("description"),
                                        Screens.date(form, "targetDate"))), caller),
                                p -> "/toegang/gezinsplannen/" + id));
            }
            return Screens.redirect("/toegang/gezinsplannen/" + id + "?gedaan=" + draft);
        } catch (FormSubmissions.AlreadySent sent) {
            return Screens.redirect(sent.location() + "?gedaan=" + draft);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            return Screens.page(refused.status(), "toegang/family-plan",
                    planModel(id, caller, status ? Form.blank() : form.refusedBy(refused)));
        }
    }

    private static UUID goalId(Form form) {
        try {
            return UUID.fromString(form.value("goalId"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Goal " + form.value("goalId"));
        }
    }

    private Map<String, Object> planModel(UUID id, Caller caller, Form goal) {
        return audit.audited(caller, FamilyPlanController.OBJECT, id.toString(), "READ", "scherm gezinsplan", () -> {
            FamilyPlans.Plan plan = plans.readable(id, caller);
            List<Client> members = plan.clientIds().stream().map(c -> clients.findById(c).orElseThrow()).toList();
            Map<String, Object> model = new HashMap<>();
            model.put("plan", plan);
            model.put("members", members);
            model.put("goal", goal);
            Map<UUID, String> statusKeys = new HashMap<>();
            plan.goals().forEach(g -> statusKeys.put(g.id(), UUID.randomUUID().toString()));
            model.put("statusKeys", statusKeys);
            model.put("notice", null);
            model.put("done", null);
            return model;
        });
    }

    private Client ownClient(UUID clientId, Caller caller) {
        return audit.audited(caller, "client", clientId.toString(), "READ", "gezinsplan", () -> {
            Client c = clients.findById(clientId).orElseThrow(() -> ProblemException.notFound("Client " + clientId));
            caller.requireMunicipality(c.municipalityCode());
            return c;
        });
    }
}
