package nl.regioinkoop.access.allocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import nl.regioinkoop.access.contract.ContractCatalogue;
import nl.regioinkoop.access.contract.Eligibility;
import nl.regioinkoop.access.contract.ProviderDirectory;
import nl.regioinkoop.access.referral.Referral;
import nl.regioinkoop.access.referral.Referrals;
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

/**
 * Choosing a provider with the family: the providers holding a valid contract for the product, the referral's
 * segment, profile and intensity in the municipality ({@link AllocationDesk#eligibleProviders}, as the API's
 * eligible-providers), each with what access knows from its events to compare them: areas served, mean waiting
 * time, satisfaction and dropout from the providers' reports, and the tariff. The family's choice goes to the
 * allocation form, which records it ({@code chosenByFamily}, with the eligible providers of that moment).
 */
@Controller("/toegang/verwijzingen")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ACCESS_OFFICER)
class ProviderChoiceScreen {
    private final AllocationDesk desk;
    private final Referrals referrals;
    private final Clients clients;
    private final ContractCatalogue catalogue;
    private final ProviderDirectory providers;
    private final AuditLog audit;
    private final Clock clock;

    ProviderChoiceScreen(AllocationDesk desk, Referrals referrals, Clients clients, ContractCatalogue catalogue,
                         ProviderDirectory providers, AuditLog audit, Clock clock) {
        this.desk = desk;
        this.referrals = referrals;
        this.clients = clients;
        this.catalogue = catalogue;
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
    }

    /** An eligible provider with what the family compares. */
    record Choice(Eligibility contract, ProviderDirectory.Entry provider) {
    }

    @Get(uri = "/{id}/aanbieders", produces = MediaType.TEXT_HTML)
    @View("toegang/provider-choice")
    Map<String, Object> choose(@PathVariable UUID id, @Nullable @QueryValue String product,
                               @Nullable @QueryValue String van, @Nullable @QueryValue String tot,
                               Authentication authentication) {
        Caller caller = Caller.of(authentication);
        LocalDate today = LocalDate.now(clock);
        Form period = Form.of(Map.of("product", product == null ? "" : product,
                "van", van == null ? today.toString() : van, "tot", tot == null ? defaultEnd(today).toString() : tot));
        Map<String, Object> model = new HashMap<>();
        Referral referral = audit.audited(caller, "referral", id.toString(), "READ", "aanbieder kiezen", () -> {
            Referral r = referrals.findById(id).orElseThrow(() -> ProblemException.notFound("Referral " + id));
            caller.requireMunicipality(r.municipalityCode());
            return r;
        });
        Client client = clients.findById(referral.clientId()).orElseThrow();
        model.put("referral", referral);
        model.put("client", client);
        model.put("choices", List.of());
        model.put("chosenProduct", null);
        model.put("period", period);
        LocalDate from;
        LocalDate to;
        try {
            from = Screens.date(period, "van");
            to = Screens.date(period, "tot");
        } catch (ProblemException invalid) {
            model.put("period", period.refusedBy(invalid));
            model.put("products", List.of());
            return model;
        }
        List<ContractCatalogue.Offer> products = catalogue.productsFor(referral.municipalityCode(),
                referral.segment() == null ? "" : referral.segment(), from);
        model.put("products", products);
        String chosen = product != null && !product.isBlank() ? product
                : products.size() == 1 ? products.get(0).productCode() : null;
        if (chosen == null || !Referral.SPECIALIST_CARE.equals(referral.outcome())) {
            return model;
        }
        try {
            List<Eligibility> eligible = audit.audited(caller, "referral", id.toString(), "LIST_ELIGIBLE_PROVIDERS",
                    "aanbieder kiezen", () -> desk.eligibleProviders(id, chosen, from, to, caller));
            Map<String, ProviderDirectory.Entry> known = providers.entries(eligible.stream()
                    .map(Eligibility::providerAgb).toList());
            model.put("choices", eligible.stream().map(e -> new Choice(e, known.get(e.providerAgb()))).toList());
            model.put("chosenProduct", chosen);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            model.put("period", period.refusedBy(refused));
        }
        return model;
    }

    /** Three months, within the budget year it starts in (an allocation commits on the year it starts). */
    static LocalDate defaultEnd(LocalDate from) {
        LocalDate threeMonths = from.plusMonths(3).minusDays(1);
        LocalDate yearEnd = LocalDate.of(from.getYear(), 12, 31);
        return threeMonths.isAfter(yearEnd) ? yearEnd : threeMonths;
    }
}
