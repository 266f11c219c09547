package nl.regioinkoop.access.client;

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
import nl.regioinkoop.access.allocation.Allocation;
import nl.regioinkoop.access.allocation.Allocations;
import nl.regioinkoop.access.audit.AuditLog;
import nl.regioinkoop.access.contract.ProviderDirectory;
import nl.regioinkoop.access.familyplan.FamilyPlans;
import nl.regioinkoop.access.referral.Referral;
import nl.regioinkoop.access.referral.Referrals;
import nl.regioinkoop.access.screen.FormSubmissions;
import nl.regioinkoop.access.screen.Screens;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.web.Form;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Find or register a resident (/toegang/clienten), and the resident's file (/toegang/clienten/{id}): referrals,
 * family plan, allocations and who read or changed the file. The same use cases, checks and audit log as
 * {@link ClientController}: the BSN is sent in a form body, never in a URL; the elfproef is checked as it is typed
 * (regio.js) and again by {@link Bsn}; another municipality's resident is refused by {@link Caller}.
 */
@Controller("/toegang/clienten")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ACCESS_OFFICER)
class ClientScreen {
    static final String SEARCH = "inwoner-zoeken";
    static final String REGISTER = "inwoner-registreren";
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("READ", "ingezien"), Map.entry("REGISTER", "geregistreerd"),
            Map.entry("SEARCH_BY_BSN", "gezocht op BSN"), Map.entry("LIST", "in een lijst getoond"),
            Map.entry("TRIAGE", "triage vastgelegd"), Map.entry("LIST_ELIGIBLE_PROVIDERS", "aanbieders opgezocht"),
            Map.entry("ISSUE", "toegewezen"), Map.entry("PREVIEW", "toewijzing berekend"),
            Map.entry("CHANGE", "gewijzigd"), Map.entry("END", "beëindigd"), Map.entry("WITHDRAW", "ingetrokken"),
            Map.entry("REJECT_REQUEST", "verzoek afgewezen"),
            Map.entry("READ_CLIENT_IDENTITY", "identiteit opgevraagd door de aanbieder"),
            Map.entry("READ_ALLOCATION_MESSAGE", "toewijzingsbericht (JW301) opgehaald door de aanbieder"),
            Map.entry("CREATE", "aangemaakt"), Map.entry("ADD_GOAL", "doel toegevoegd"),
            Map.entry("SET_GOAL_STATUS", "status van een doel gewijzigd"));
    private static final Map<String, String> OBJECTS = Map.of("client", "dossier", "referral", "verwijzing",
            "allocation", "toewijzing", "family-plan", "gezinsplan");
    private static final Map<String, String> RESULTS = Map.of(AuditLog.OK, "toegestaan", AuditLog.DENIED,
            "geweigerd", AuditLog.REJECTED, "afgewezen", AuditLog.FAILED, "mislukt");

    private final ClientRegistration registration;
    private final Clients clients;
    private final Referrals referrals;
    private final Allocations allocations;
    private final FamilyPlans plans;
    private final ProviderDirectory providers;
    private final AuditLog audit;
    private final FormSubmissions forms;
    private final Screens screens;
    private final Clock clock;

    ClientScreen(ClientRegistration registration, Clients clients, Referrals referrals, Allocations allocations,
                 FamilyPlans plans, ProviderDirectory providers, AuditLog audit, FormSubmissions forms,
                 Screens screens, Clock clock) {
        this.registration = registration;
        this.clients = clients;
        this.referrals = referrals;
        this.allocations = allocations;
        this.plans = plans;
        this.providers = providers;
        this.audit = audit;
        this.forms = forms;
        this.screens = screens;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @View("toegang/clients")
    Map<String, Object> start(Authentication authentication) {
        requireOfficer(Caller.of(authentication));
        return model(Form.blank(), Form.blank(), false);
    }

    /** actie=zoeken: find by BSN; actie=registreren: register. One address for both, so a new login returns here. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> submit(@Body Map<String, String> fields, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        requireOfficer(caller);
        Form form = Form.submitted(fields);
        return "zoeken".equals(fields.get("actie")) ? search(form, caller) : register(form, caller);
    }

    private HttpResponse<?> search(Form form, Caller caller) {
        try {
            Client found = audit.audited(caller, ClientController.OBJECT, null, "SEARCH_BY_BSN", "scherm inwoners",
                    Client::id, () -> registration.find(caller.municipalityCode(), Bsn.of(form.value("bsn").strip()))
                            .orElseThrow(() -> ProblemException.notFound("A client with this BSN")));
            return Screens.redirect("/toegang/clienten/" + found.id() + "?gedaan=" + SEARCH);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) {
                // not in this municipality: offer to register the number just typed
                Form register = Form.of(Map.of("bsn", form.value("bsn").strip()));
                return Screens.page(HttpStatus.OK, "toegang/clients", model(form, register, true));
            }
            return refusedSearch(form, refused);
        }
    }

    private HttpResponse<?> refusedSearch(Form form, ProblemException refused) {
        if (refused.status() == HttpStatus.FORBIDDEN) {
            throw refused;
        }
        return Screens.page(refused.status(), "toegang/clients", model(form.refusedBy(refused), Form.blank(), false));
    }

    private HttpResponse<?> register(Form form, Caller caller) {
        try {
            Client client = audit.audited(caller, ClientController.OBJECT, null, "REGISTER", Screens.text(form, "reason"),
                    Client::id, () -> forms.once(caller, form.key(), REGISTER, () -> {
                        RegisterClient command = screens.valid(new RegisterClient(form.value("bsn").strip(),
                                form.value("name").strip(), Screens.date(form, "birthDate"),
                                caller.municipalityCode(), Screens.text(form, "reason")));
                        caller.requireMunicipality(command.municipalityCode());
                        return registration.register(command);
                    }, c -> "/toegang/clienten/" + c.id()));
            return Screens.redirect("/toegang/clienten/" + client.id() + "?gedaan=" + REGISTER);
        } catch (FormSubmissions.AlreadySent sent) {
            return Screens.redirect(sent.location() + "?gedaan=" + REGISTER);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            Form shown = form.refusedBy(refused);
            Map<String, Object> model = model(Form.blank(), shown, false);
            Object existing = refused.toProblem(null).getExtensions().get("clientId");
            model.put("existing", existing == null ? null : existing.toString());
            return Screens.page(refused.status(), "toegang/clients", model);
        }
    }

    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    @View("toegang/client")
    Map<String, Object> file(@PathVariable UUID id, @Nullable @QueryValue String gedaan,
                             Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return audit.audited(caller, ClientController.OBJECT, id.toString(), "READ", "scherm dossier", () -> {
            Client client = clients.findById(id).orElseThrow(() -> ProblemException.notFound("Client " + id));
            caller.requireMunicipality(client.municipalityCode());
            LocalDate today = LocalDate.now(clock);
            List<Referral> own = referrals.findByClient(id);
            List<Allocation> allocated = allocations.findByClient(id);
            UUID plan = plans.planOf(id);
            List<AuditLog.ObjectRef> objects = new ArrayList<>();
            objects.add(new AuditLog.ObjectRef(ClientController.OBJECT, id.toString()));
            own.forEach(r -> objects.add(new AuditLog.ObjectRef("referral", r.id().toString())));
            allocated.forEach(a -> objects.add(new AuditLog.ObjectRef("allocation", a.id().toString())));
            if (plan != null) {
                objects.add(new AuditLog.ObjectRef("family-plan", plan.toString()));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("client", ClientView.of(client));
            model.put("age", Period.between(client.birthDate(), today).getYears());
            model.put("referrals", own);
            model.put("allocations", allocated);
            model.put("providerNames", providers.names(allocated.stream().map(Allocation::providerAgb).toList()));
            model.put("plan", plan);
            // the trail read before this read is recorded: the page shows who saw the file before this visit
            model.put("trail", grouped(audit.trail(objects, 200).stream().map(ClientScreen::line).toList()));
            model.put("notice", Screens.notice(gedaan));
            model.put("done", Screens.done(gedaan));
            return model;
        });
    }

    /**
     * An audit row in words: "3 december 2026, 14:05 · toegang-0988 (toegangsmedewerker, 0988) · dossier ingezien",
     * with how many times in a row the same person did the same (a file is read on every page of a walk).
     */
    record TrailLine(java.time.Instant at, String who, String roles, String tenant, String what, String result,
                     boolean refused, String reason, int times) {
        TrailLine once() {
            return new TrailLine(at, who, roles, tenant, what, result, refused, reason, times + 1);
        }
    }

    /**
     * The rows of the same person doing the same to the same part of the file within one minute, as one line with
     * a count (the newest moment shown): a walk through the screens reads a file on every page.
     */
    static List<TrailLine> grouped(List<TrailLine> lines) {
        Map<String, Integer> index = new HashMap<>();
        List<TrailLine> grouped = new ArrayList<>();
        for (TrailLine line : lines) {
            String key = line.who() + '|' + line.what() + '|' + line.result() + '|' + line.reason() + '|'
                    + line.tenant() + '|' + line.at().getEpochSecond() / 60;
            Integer at = index.get(key);
            if (at == null) {
                index.put(key, grouped.size());
                grouped.add(line);
            } else {
                grouped.set(at, grouped.get(at).once());
            }
        }
        return grouped;
    }

    private static TrailLine line(AuditLog.Entry e) {
        String what = OBJECTS.getOrDefault(e.objectType(), e.objectType()) + " "
                + ACTIONS.getOrDefault(e.action(), e.action().toLowerCase().replace('_', ' '));
        return new TrailLine(e.at(), e.subject(), roles(e.roles()), e.tenant(), what,
                RESULTS.getOrDefault(e.result(), e.result()), !AuditLog.OK.equals(e.result()), e.reason(), 1);
    }

    private static String roles(String roles) {
        return roles.replace(Roles.ACCESS_OFFICER, "toegangsmedewerker")
                .replace(Roles.MUNICIPALITY_ANALYST, "analist gemeente").replace(Roles.PROVIDER, "aanbieder")
                .replace(Roles.BUDGET_OVERRIDE, "budgetmandaat").replace(",", ", ");
    }

    private Map<String, Object> model(Form search, Form register, boolean notFound) {
        Map<String, Object> model = new HashMap<>();
        model.put("search", search);
        model.put("register", register);
        model.put("notFound", notFound);
        model.put("existing", null);
        model.put("today", LocalDate.now(clock));
        return model;
    }

    private static void requireOfficer(Caller caller) {
        if (caller.municipalityCode() == null) {
            throw ProblemException.forbidden();
        }
    }
}
