package nl.regioinkoop.access.allocation;

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
import nl.regioinkoop.access.budget.BudgetLine;
import nl.regioinkoop.access.budget.BudgetLines;
import nl.regioinkoop.access.client.Client;
import nl.regioinkoop.access.client.Clients;
import nl.regioinkoop.access.contract.ContractCatalogue;
import nl.regioinkoop.access.contract.Eligibility;
import nl.regioinkoop.access.contract.ProviderDirectory;
import nl.regioinkoop.access.referral.Referral;
import nl.regioinkoop.access.referral.Referrals;
import nl.regioinkoop.access.screen.FormSubmissions;
import nl.regioinkoop.access.screen.Screens;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.web.Form;
import nl.regioinkoop.web.Format;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The allocation form (toewijzing) and an allocation's page. Before it is sent the form shows what it will commit
 * and what remains on the budget line after it ({@link AllocationDesk#preview}: the same contract check and sums
 * as issuing); a refusal ({@code budget-exceeded}, a contract that does not cover it) is explained on the form with
 * what the officer can do, and nothing is stored. The page changes, ends or withdraws the allocation through the
 * same {@link AllocationDesk} use cases and audit as {@link AllocationController}.
 */
@Controller("/toegang")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ACCESS_OFFICER)
class AllocationScreen {
    private static final Format FMT = new Format();
    private final AllocationDesk desk;
    private final Allocations allocations;
    private final Referrals referrals;
    private final Clients clients;
    private final BudgetLines budgetLines;
    private final ContractCatalogue catalogue;
    private final ProviderDirectory providers;
    private final AuditLog audit;
    private final FormSubmissions forms;
    private final Screens screens;
    private final Clock clock;

    AllocationScreen(AllocationDesk desk, Allocations allocations, Referrals referrals, Clients clients,
                     BudgetLines budgetLines, ContractCatalogue catalogue, ProviderDirectory providers,
                     AuditLog audit, FormSubmissions forms, Screens screens, Clock clock) {
        this.desk = desk;
        this.allocations = allocations;
        this.referrals = referrals;
        this.clients = clients;
        this.budgetLines = budgetLines;
        this.catalogue = catalogue;
        this.providers = providers;
        this.audit = audit;
        this.forms = forms;
        this.screens = screens;
        this.clock = clock;
    }

    // ---- the allocation form ---------------------------------------------------------------------------------

    @Get(uri = "/verwijzingen/{id}/toewijzing", produces = MediaType.TEXT_HTML)
    @View("toegang/allocation-form")
    Map<String, Object> form(@PathVariable UUID id, @Nullable @QueryValue String aanbieder,
                             @Nullable @QueryValue String product, @Nullable @QueryValue String van,
                             @Nullable @QueryValue String tot, @Nullable @QueryValue String gezin,
                             Authentication authentication) {
        Caller caller = Caller.of(authentication);
        LocalDate today = LocalDate.now(clock);
        Referral referral = ownReferral(id, caller);
        Map<String, String> values = new HashMap<>();
        values.put("providerAgb", aanbieder == null ? "" : aanbieder);
        values.put("productCode", product == null ? "" : product);
        values.put("validFrom", van == null ? today.toString() : van);
        values.put("validTo", tot == null ? ProviderChoiceScreen.defaultEnd(today).toString() : tot);
        values.put("volume", "");
        values.put("frequency", "2");
        values.put("unit", "04");
        if ("ja".equals(gezin)) {
            values.put("chosenByFamily", "ja");
        }
        if (values.get("productCode").isEmpty()) {
            List<ContractCatalogue.Offer> offers = catalogue.productsFor(referral.municipalityCode(),
                    referral.segment() == null ? "" : referral.segment(), today);
            if (offers.size() == 1) {
                values.put("productCode", offers.get(0).productCode());
            }
        }
        Form form = Form.of(values);
        return formModel(referral, caller, form, null);
    }

    /** actie=berekenen shows what the allocation would commit; actie=toewijzen issues it. */
    @Post(uri = "/verwijzingen/{id}/toewijzing", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> submit(@PathVariable UUID id, @Body Map<String, String> fields, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Form form = Form.submitted(fields);
        Referral referral = ownReferral(id, caller);
        if (!"toewijzen".equals(fields.get("actie"))) {
            return Screens.page(HttpStatus.OK, "toegang/allocation-form", formModel(referral, caller, form, null));
        }
        String draft = "toewijzing-" + id;
        try {
            Allocation allocation = audit.audited(caller, AllocationController.OBJECT, null, "ISSUE",
                    Screens.text(form, "reason"), Allocation::id, () -> forms.once(caller, form.key(),
                            "issue-allocation", () -> desk.issue(command(id, form), caller),
                            a -> "/toegang/toewijzingen/" + a.id()));
            return Screens.redirect("/toegang/toewijzingen/" + allocation.id() + "?gedaan=" + draft);
        } catch (FormSubmissions.AlreadySent sent) {
            return Screens.redirect(sent.location() + "?gedaan=" + draft);
        } catch (ProblemException refused) {
            requireFormRefusal(refused);
            return Screens.page(refused.status(), "toegang/allocation-form",
                    formModel(referral, caller, form, refused));
        }
    }

    private IssueAllocation command(UUID referralId, Form form) {
        Long volume = Screens.number(form, "volume");
        return screens.valid(new IssueAllocation(referralId, form.value("providerAgb"), form.value("productCode"),
                volume == null ? 0 : volume, form.value("unit"), form.value("frequency"),
                Screens.date(form, "validFrom"), Screens.date(form, "validTo"), Screens.checked(form, "chosenByFamily"),
                Screens.text(form, "overrideReason"), Screens.text(form, "reason")));
    }

    /**
     * The form with its preview: what it commits and what remains, computed whenever the form is complete enough.
     *
     * @param refusal the refusal of a send, explained on the form; null when it was not sent or not refused
     */
    private Map<String, Object> formModel(Referral referral, Caller caller, Form form, ProblemException refusal) {
        Map<String, Object> model = new HashMap<>();
        Client client = clients.findById(referral.clientId()).orElseThrow();
        model.put("referral", referral);
        model.put("client", client);
        model.put("mayOverride", caller.has(Roles.BUDGET_OVERRIDE));
        LocalDate from = safeDate(form, "validFrom");
        LocalDate to = safeDate(form, "validTo");
        List<ContractCatalogue.Offer> offers = catalogue.productsFor(referral.municipalityCode(),
                referral.segment() == null ? "" : referral.segment(), from == null ? LocalDate.now(clock) : from);
        model.put("products", offers);
        List<Eligibility> eligible = List.of();
        if (!form.value("productCode").isBlank() && from != null && to != null && !to.isBefore(from)
                && Referral.SPECIALIST_CARE.equals(referral.outcome())) {
            try {
                eligible = desk.eligibleProviders(referral.id(), form.value("productCode"), from, to, caller);
            } catch (ProblemException notNow) {
                eligible = List.of();
            }
        }
        model.put("eligible", eligible);
        model.put("providerListed", eligible.stream().anyMatch(e -> e.providerAgb().equals(form.value("providerAgb"))));
        AllocationDesk.Plan plan = null;
        Form shown = form;
        if (refusal != null) {
            shown = explain(form.refusedBy(refusal), refusal, form, caller);
        }
        if (complete(form)) {
            try {
                IssueAllocation command = command(referral.id(), form);
                plan = audit.audited(caller, "referral", referral.id().toString(), "PREVIEW", null,
                        () -> desk.preview(command, caller));
            } catch (ProblemException cannot) {
                requireFormRefusal(cannot);
                if (refusal == null) {
                    shown = explain(form.refusedBy(cannot), cannot, form, caller);
                }
            }
        }
        model.put("form", shown);
        model.put("plan", plan);
        model.put("line", plan == null ? null : plan.line().orElse(null));
        return model;
    }

    private static boolean complete(Form form) {
        return !form.value("providerAgb").isBlank() && !form.value("productCode").isBlank()
                && !form.value("volume").isBlank() && !form.value("validFrom").isBlank()
                && !form.value("validTo").isBlank();
    }

    private static LocalDate safeDate(Form form, String field) {
        try {
            return Screens.date(form, field);
        } catch (ProblemException notADate) {
            return null;
        }
    }

    /** A refusal in words the officer can act on: what happened, and what can be done about it. */
    private Form explain(Form shown, ProblemException refusal, Form typed, Caller caller) {
        Map<String, Object> extra = refusal.toProblem(null).getExtensions();
        return switch (shown.refusal() == null ? "" : shown.refusal()) {
            case "budget-exceeded" -> {
                long remaining = ((Number) extra.getOrDefault("remainingCents", 0L)).longValue();
                long needed = ((Number) extra.getOrDefault("neededCents", 0L)).longValue();
                StringBuilder text = new StringBuilder("Deze toewijzing past niet in het budget: ze verplicht ")
                        .append(FMT.euros(needed)).append(" en op de budgetregel resteert nog ")
                        .append(FMT.euros(remaining)).append(". Er is niets opgeslagen en niets naar de aanbieder "
                                + "gestuurd. Wat u kunt doen: ");
                Long volume = safeNumber(typed, "volume");
                if (volume != null && volume > 0 && needed > 0 && remaining > 0) {
                    long fits = remaining * volume / needed;
                    if (fits > 0) {
                        text.append("verlaag de omvang (met deze periode past ten hoogste ").append(fits)
                                .append(") of verkort de periode; ");
                    } else {
                        text.append("verkort de periode; ");
                    }
                } else {
                    text.append("verlaag de omvang of verkort de periode; ");
                }
                text.append(caller.has(Roles.BUDGET_OVERRIDE)
                        ? "of wijs toe boven het budget met uw budgetmandaat: vul dan de reden voor de overschrijding in; "
                        : "vraag een collega met budgetmandaat de toewijzing met reden boven het budget vast te leggen; ");
                text.append("of vraag de budgethouder van uw gemeente de budgetregel te verhogen.");
                yield shown.explained(text.toString());
            }
            case "no-valid-contract" -> shown.explained("Geen geldig contract: " + contractReason(refusal.getMessage())
                    + ". Er is niets opgeslagen. Wat u kunt doen: kies met het gezin een andere gecontracteerde "
                    + "aanbieder, een ander product, of een periode binnen de looptijd van het contract.");
            case "does-not-fit-contract" -> shown.explained("Het contract prijst dit product per "
                    + FMT.unit(String.valueOf(extra.get("unit"))) + ": kies die eenheid. Er is niets opgeslagen.");
            case "form-already-sent" -> shown.explained("Dit formulier is al verstuurd.");
            default -> shown;
        };
    }

    private static Long safeNumber(Form form, String field) {
        try {
            return Screens.number(form, field);
        } catch (ProblemException notANumber) {
            return null;
        }
    }

    /** The contract check's reason (ContractCatalogue, in English for programs) in Dutch. */
    static String contractReason(String reason) {
        if (reason == null) {
            return "er is geen contract dat deze toewijzing dekt";
        }
        return reason
                .replaceAll("^provider (\\d{8}) is not an active provider in the registry$",
                        "aanbieder $1 is geen actieve aanbieder in het register")
                .replaceAll("^provider (\\d{8}) holds no contract for product (\\S+) in (\\d{4}) on (\\S+)$",
                        "aanbieder $1 heeft op $4 geen contract voor product $2 in gemeente $3")
                .replaceAll("^contract (\\S+) of provider (\\d{8}) ends on (\\S+), before the allocation's end (\\S+)$",
                        "het contract van aanbieder $2 eindigt op $3, vóór het einde van de toewijzing ($4)")
                .replaceAll("^contract (\\S+) of provider (\\d{8}) is (\\w+): no new allocations under it$",
                        "het contract van aanbieder $2 is $3 (opgeschort of beëindigd): er kunnen geen nieuwe "
                                + "toewijzingen onder")
                .replaceAll("^contract (\\S+) covers product (\\S+) in segment (\\S+), not (\\S+)$",
                        "het contract dekt product $2 in segment $3, niet in $4")
                .replaceAll("^contract (\\S+) has no tariff for product (\\S+) on (\\S+)$",
                        "het contract heeft op $3 geen tarief voor product $2")
                .replaceAll("^contract (\\S+) has no trajectory price for product (\\S+) for profile (\\S+) at "
                        + "intensity (\\S+) on (\\S+)$", "het contract heeft geen trajectprijs voor product $2 bij "
                        + "profiel $3 en intensiteit $4");
    }

    // ---- an allocation's page: change, end, withdraw ---------------------------------------------------------

    @Get(uri = "/toewijzingen/{id}", produces = MediaType.TEXT_HTML)
    @View("toegang/allocation")
    Map<String, Object> page(@PathVariable UUID id, @Nullable @QueryValue String gedaan,
                             Authentication authentication) {
        Map<String, Object> model = pageModel(id, Caller.of(authentication), null, null);
        model.put("notice", Screens.notice(gedaan));
        model.put("done", Screens.done(gedaan));
        return model;
    }

    /** actie=wijzigen (volume, end date), actie=beeindigen (end date, JZ588), actie=intrekken (JZ588). */
    @Post(uri = "/toewijzingen/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> act(@PathVariable UUID id, @Body Map<String, String> fields, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Form form = Form.submitted(fields);
        String action = fields.getOrDefault("actie", "");
        String draft = switch (action) {
            case "beeindigen" -> "beeindiging-" + id;
            case "intrekken" -> "intrekking-" + id;
            default -> "wijziging-" + id;
        };
        String reason = Screens.text(form, "reason");
        try {
            switch (action) {
                case "beeindigen" -> audit.audited(caller, AllocationController.OBJECT, id.toString(), "END", reason,
                        () -> forms.once(caller, form.key(), "end-allocation", () -> desk.end(id, screens.valid(
                                new EndAllocation(Screens.date(form, "endDate"), form.value("reasonCode"), reason)),
                                false, caller), a -> "/toegang/toewijzingen/" + id));
                case "intrekken" -> audit.audited(caller, AllocationController.OBJECT, id.toString(), "WITHDRAW",
                        reason, () -> forms.once(caller, form.key(), "withdraw-allocation", () -> desk.end(id,
                                new EndAllocation(null, Screens.text(form, "reasonCode"), reason), true, caller),
                                a -> "/toegang/toewijzingen/" + id));
                default -> audit.audited(caller, AllocationController.OBJECT, id.toString(), "CHANGE", reason,
                        () -> forms.once(caller, form.key(), "change-allocation", () -> desk.change(id,
                                screens.valid(new ChangeAllocation(Screens.number(form, "volume"), null,
                                        Screens.date(form, "validTo"), Screens.text(form, "overrideReason"), reason)),
                                caller), a -> "/toegang/toewijzingen/" + id));
            }
            return Screens.redirect("/toegang/toewijzingen/" + id + "?gedaan=" + draft);
        } catch (FormSubmissions.AlreadySent sent) {
            return Screens.redirect(sent.location() + "?gedaan=" + draft);
        } catch (ProblemException refused) {
            requireFormRefusal(refused);
            Form shown = explain(form.refusedBy(refused), refused, form, caller);
            return Screens.page(refused.status(), "toegang/allocation", pageModel(id, caller, action, shown));
        }
    }

    private Map<String, Object> pageModel(UUID id, Caller caller, String refusedAction, Form refused) {
        return audit.audited(caller, AllocationController.OBJECT, id.toString(), "READ", "scherm toewijzing", () -> {
            Allocation allocation = allocations.findById(id)
                    .orElseThrow(() -> ProblemException.notFound("Allocation " + id));
            caller.requireMunicipality(allocation.municipalityCode());
            Client client = clients.findById(allocation.clientId()).orElseThrow();
            Optional<BudgetLine> line = allocation.budgetLineId() == null ? Optional.empty()
                    : budgetLines.findById(allocation.budgetLineId());
            Map<String, Object> model = new HashMap<>();
            model.put("allocation", allocation);
            model.put("client", client);
            model.put("providerName", providers.names(List.of(allocation.providerAgb())).get(allocation.providerAgb()));
            model.put("line", line.orElse(null));
            model.put("mayOverride", caller.has(Roles.BUDGET_OVERRIDE));
            model.put("active", Allocation.ACTIVE.equals(allocation.status()));
            boolean changeRefused = refusedAction != null && !"beeindigen".equals(refusedAction)
                    && !"intrekken".equals(refusedAction);
            model.put("change", changeRefused ? refused : Form.of(Map.of("volume", Long.toString(allocation.volume()),
                    "validTo", allocation.validTo().toString())));
            model.put("end", "beeindigen".equals(refusedAction) ? refused
                    : Form.of(Map.of("endDate", LocalDate.now(clock).toString(), "reasonCode", "31")));
            model.put("withdraw", "intrekken".equals(refusedAction) ? refused : Form.of(Map.of("reasonCode", "36")));
            model.put("notice", null);
            model.put("done", null);
            return model;
        });
    }

    private Referral ownReferral(UUID id, Caller caller) {
        return audit.audited(caller, "referral", id.toString(), "READ", "scherm toewijzing", () -> {
            Referral r = referrals.findById(id).orElseThrow(() -> ProblemException.notFound("Referral " + id));
            caller.requireMunicipality(r.municipalityCode());
            return r;
        });
    }

    private static void requireFormRefusal(ProblemException refused) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
    }
}
