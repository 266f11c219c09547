package nl.regioinkoop.access.referral;

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
import nl.regioinkoop.access.client.Client;
import nl.regioinkoop.access.client.Clients;
import nl.regioinkoop.access.contract.ProviderDirectory;
import nl.regioinkoop.access.screen.FormSubmissions;
import nl.regioinkoop.access.screen.Screens;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.web.Form;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Referral intake (verwijzing: referrer type COD327 by name, referrer, question, crisis) for a resident, and the
 * referral's page: triage with the region's own vocabulary (segment, profile, intensity, outcome including
 * "opgelost in het gewone leven"), and for a provider's request (JW315) its deadline and the answer "no" with a
 * WJ759 reason. The same {@link ReferralDesk} use cases and audit as {@link ReferralController}.
 */
@Controller("/toegang")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ACCESS_OFFICER)
class ReferralScreen {
    private final ReferralDesk desk;
    private final Referrals referrals;
    private final Clients clients;
    private final ProviderDirectory providers;
    private final AuditLog audit;
    private final FormSubmissions forms;
    private final Screens screens;
    private final Clock clock;

    ReferralScreen(ReferralDesk desk, Referrals referrals, Clients clients, ProviderDirectory providers,
                   AuditLog audit, FormSubmissions forms, Screens screens, Clock clock) {
        this.desk = desk;
        this.referrals = referrals;
        this.clients = clients;
        this.providers = providers;
        this.audit = audit;
        this.forms = forms;
        this.screens = screens;
        this.clock = clock;
    }

    @Get(uri = "/clienten/{clientId}/verwijzing", produces = MediaType.TEXT_HTML)
    @View("toegang/referral-intake")
    Map<String, Object> intake(@PathVariable UUID clientId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return intakeModel(clientId, caller,
                Form.of(Map.of("referralDate", LocalDate.now(clock).toString(), "referrerType", "02")));
    }

    @Post(uri = "/clienten/{clientId}/verwijzing", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> register(@PathVariable UUID clientId, @Body Map<String, String> fields,
                             Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Form form = Form.submitted(fields);
        String draft = "verwijzing-" + clientId;
        try {
            Referral referral = audit.audited(caller, ReferralController.OBJECT, null, "REGISTER",
                    Screens.text(form, "reason"), Referral::id, () -> forms.once(caller, form.key(), "register-referral",
                            () -> desk.register(screens.valid(new RegisterReferral(clientId,
                                    form.value("referrerType"), Screens.text(form, "referrerName"),
                                    Screens.text(form, "referrerAgb"), Screens.date(form, "referralDate"),
                                    form.value("question"), Screens.checked(form, "crisis"), null, null,
                                    Screens.text(form, "reason"))), caller),
                            r -> "/toegang/verwijzingen/" + r.id()));
            return Screens.redirect("/toegang/verwijzingen/" + referral.id() + "?gedaan=" + draft);
        } catch (FormSubmissions.AlreadySent sent) {
            return Screens.redirect(sent.location() + "?gedaan=" + draft);
        } catch (ProblemException refused) {
            requireFormRefusal(refused);
            return Screens.page(refused.status(), "toegang/referral-intake",
                    intakeModel(clientId, caller, form.refusedBy(refused)));
        }
    }

    private Map<String, Object> intakeModel(UUID clientId, Caller caller, Form form) {
        Client client = audit.audited(caller, "client", clientId.toString(), "READ", "verwijzing registreren", () -> {
            Client c = clients.findById(clientId).orElseThrow(() -> ProblemException.notFound("Client " + clientId));
            caller.requireMunicipality(c.municipalityCode());
            return c;
        });
        Map<String, Object> model = new HashMap<>();
        model.put("client", client);
        model.put("form", form);
        model.put("draft", "verwijzing-" + clientId);
        return model;
    }

    @Get(uri = "/verwijzingen/{id}", produces = MediaType.TEXT_HTML)
    @View("toegang/referral")
    Map<String, Object> page(@PathVariable UUID id, @Nullable @QueryValue String gedaan,
                             Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Map<String, Object> model = pageModel(id, caller, null, Form.blank());
        model.put("notice", Screens.notice(gedaan));
        model.put("done", Screens.done(gedaan));
        return model;
    }

    /** actie=triage records the triage; actie=afwijzen answers a provider's request with "no" and a reason. */
    @Post(uri = "/verwijzingen/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> act(@PathVariable UUID id, @Body Map<String, String> fields, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Form form = Form.submitted(fields);
        boolean reject = "afwijzen".equals(fields.get("actie"));
        String draft = (reject ? "afwijzing-" : "triage-") + id;
        try {
            if (reject) {
                audit.audited(caller, ReferralController.OBJECT, id.toString(), "REJECT_REQUEST",
                        Screens.text(form, "reason"), () -> forms.once(caller, form.key(), "reject-request",
                                () -> desk.reject(id, screens.valid(new RejectRequest(form.value("reasonCode"),
                                        Screens.text(form, "reason"))), caller), r -> "/toegang/verwijzingen/" + id));
            } else {
                audit.audited(caller, ReferralController.OBJECT, id.toString(), "TRIAGE", null,
                        () -> forms.once(caller, form.key(), "triage", () -> desk.triage(id, screens.valid(
                                new RecordTriage(form.value("segment"), Screens.text(form, "profile"),
                                        intensity(form), form.value("outcome"), Screens.text(form, "notes"), null)),
                                caller), r -> "/toegang/verwijzingen/" + id));
            }
            return Screens.redirect("/toegang/verwijzingen/" + id + "?gedaan=" + draft);
        } catch (FormSubmissions.AlreadySent sent) {
            return Screens.redirect(sent.location() + "?gedaan=" + draft);
        } catch (ProblemException refused) {
            requireFormRefusal(refused);
            Form shown = form.refusedBy(refused);
            return Screens.page(refused.status(), "toegang/referral",
                    reject ? pageModel(id, caller, null, shown) : pageModel(id, caller, shown, Form.blank()));
        }
    }

    private static Integer intensity(Form form) {
        Long value = Screens.number(form, "intensity");
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /**
     * @param triage the triage form as refused, or null for the referral's current triage
     * @param reject the rejection form
     */
    private Map<String, Object> pageModel(UUID id, Caller caller, Form triage, Form reject) {
        return audit.audited(caller, ReferralController.OBJECT, id.toString(), "READ", "scherm verwijzing", () -> {
            Referral referral = referrals.findById(id).orElseThrow(() -> ProblemException.notFound("Referral " + id));
            caller.requireMunicipality(referral.municipalityCode());
            Client client = clients.findById(referral.clientId()).orElseThrow();
            RegionSettings vocabulary = desk.settings(referral.municipalityCode());
            LocalDate today = LocalDate.now(clock);
            Map<String, Object> model = new HashMap<>();
            model.put("referral", referral);
            model.put("client", client);
            model.put("vocabulary", vocabulary);
            model.put("intensities", IntStream.rangeClosed(1, vocabulary.getMaxIntensity()).boxed().toList());
            model.put("triage", triage != null ? triage : Form.of(current(referral)));
            model.put("reject", reject);
            model.put("requestOpen", referral.isRequest() && referral.answeredOn() == null);
            model.put("providerName", referral.isRequest()
                    ? providers.names(List.of(referral.requestingProviderAgb())).get(referral.requestingProviderAgb())
                    : null);
            model.put("daysLeft", referral.answerDeadline() == null ? null
                    : WorkingDays.left(today, referral.answerDeadline()));
            model.put("notice", null);
            model.put("done", null);
            return model;
        });
    }

    private static Map<String, String> current(Referral r) {
        Map<String, String> values = new HashMap<>();
        if (r.segment() != null) {
            values.put("segment", r.segment());
        }
        if (r.profile() != null) {
            values.put("profile", r.profile());
        }
        if (r.intensity() != null) {
            values.put("intensity", r.intensity().toString());
        }
        if (r.outcome() != null) {
            values.put("outcome", r.outcome());
        }
        if (r.triageNotes() != null) {
            values.put("notes", r.triageNotes());
        }
        return values;
    }

    /** 403 and 404 are not a form's refusal: the page is not the caller's (ProblemPages says so). */
    private static void requireFormRefusal(ProblemException refused) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
    }
}
