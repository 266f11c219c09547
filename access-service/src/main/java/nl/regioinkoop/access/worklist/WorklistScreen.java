package nl.regioinkoop.access.worklist;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import nl.regioinkoop.access.allocation.Allocation;
import nl.regioinkoop.access.allocation.Allocations;
import nl.regioinkoop.access.audit.AuditLog;
import nl.regioinkoop.access.budget.BudgetLine;
import nl.regioinkoop.access.budget.BudgetLines;
import nl.regioinkoop.access.contract.ProviderDirectory;
import nl.regioinkoop.access.referral.Referral;
import nl.regioinkoop.access.referral.Referrals;
import nl.regioinkoop.access.referral.WorkingDays;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The screen an access officer opens on sign-in: providers' requests for allocation (JW315) with the working days
 * left of their 5 (passed ones first), new referrals to triage (crises first), allocations that end within 8 weeks
 * (re-assessment due) and budget lines at 90 % or more of their amount. The worked example of a screen
 * (platform/web README): the same role and tenant as the API (the caller's municipality only, from {@link Caller}),
 * the same repositories, audit-logged like the API's lists, the layout of platform/web.
 */
@Controller("/toegang")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class WorklistScreen {
    /** Rows per section: the worklist is where the day starts, the rest is counted (and found through the file). */
    static final int LIMIT = 25;
    /** Re-assessment is due when an allocation ends within 8 weeks. */
    static final int REASSESSMENT_DAYS = 56;
    /** A budget line is near its amount from 90 % committed and realised. */
    static final int NEAR_PERCENT = 90;

    private final Referrals referrals;
    private final Allocations allocations;
    private final BudgetLines budgetLines;
    private final ProviderDirectory providers;
    private final AuditLog audit;
    private final Clock clock;

    WorklistScreen(Referrals referrals, Allocations allocations, BudgetLines budgetLines, ProviderDirectory providers,
                   AuditLog audit, Clock clock) {
        this.referrals = referrals;
        this.allocations = allocations;
        this.budgetLines = budgetLines;
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
    }

    @Get(uri = "/", produces = "text/html")
    @Secured(Roles.ACCESS_OFFICER)
    @View("toegang/worklist")
    Map<String, Object> worklist(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String municipality = caller.municipalityCode();
        if (municipality == null) {
            throw ProblemException.forbidden();
        }
        LocalDate today = LocalDate.now(clock);
        return audit.audited(caller, "referral", null, "LIST_WORKLIST", null, () -> {
            List<Referral> toTriage = referrals.findToTriage(municipality, LIMIT);
            List<Referral> open = referrals.findOpenRequests(municipality, LIMIT);
            List<Allocation> ending = allocations.findEnding(municipality, today, today.plusDays(REASSESSMENT_DAYS),
                    LIMIT);
            Set<String> agbs = new java.util.HashSet<>();
            open.forEach(r -> agbs.add(r.requestingProviderAgb()));
            ending.forEach(a -> agbs.add(a.providerAgb()));
            Map<String, String> names = providers.names(agbs);
            List<Request> requests = open.stream().map(r -> {
                int left = r.answerDeadline() == null ? 0 : WorkingDays.left(today, r.answerDeadline());
                return new Request(r, names.get(r.requestingProviderAgb()), left, left < 0);
            }).sorted(Comparator.comparingInt(Request::daysLeft)).toList();
            List<Ending> endingSoon = ending.stream().map(a -> new Ending(a, names.get(a.providerAgb()),
                    ChronoUnit.DAYS.between(today, a.validTo()))).toList();
            List<Budget> budgets = budgetLines.findByMunicipalityCodeAndYear(municipality, today.getYear(),
                            Pageable.from(0, 200)).getContent().stream().map(Budget::of)
                    .filter(b -> b.usedPercent().compareTo(BigDecimal.valueOf(NEAR_PERCENT)) >= 0).sorted(Comparator.comparingLong(
                            (Budget b) -> b.line().remainingCents())).toList();
            Map<String, Object> model = new HashMap<>();
            model.put("today", today);
            model.put("toTriage", toTriage);
            model.put("requests", requests);
            model.put("ending", endingSoon);
            model.put("budgets", budgets);
            model.put("nearPercent", NEAR_PERCENT);
            model.put("limit", LIMIT);
            model.put("toTriageCount", toTriage.size() < LIMIT ? toTriage.size() : referrals.countToTriage(municipality));
            model.put("requestCount", open.size() < LIMIT ? open.size() : referrals.countOpenRequests(municipality));
            model.put("endingCount", ending.size() < LIMIT ? ending.size() : allocations.countEnding(municipality,
                    today, today.plusDays(REASSESSMENT_DAYS)));
            return model;
        });
    }

    /** A provider's request with its provider's name and the working days left of its answer period. */
    record Request(Referral referral, String providerName, int daysLeft, boolean overdue) {
    }

    /** A running allocation that ends soon, with its provider's name and the calendar days until it ends. */
    record Ending(Allocation allocation, String providerName, long daysLeft) {
    }

    /** A budget line with the share of its amount that is committed or realised. */
    record Budget(BudgetLine line, BigDecimal usedPercent, boolean over) {
        static Budget of(BudgetLine line) {
            return new Budget(line, line.usedPercent(), line.remainingCents() < 0);
        }
    }
}
