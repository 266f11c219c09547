package nl.regioinkoop.access.worklist;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import nl.regioinkoop.access.budget.BudgetLine;
import nl.regioinkoop.access.budget.BudgetLines;
import nl.regioinkoop.access.referral.Referral;
import nl.regioinkoop.access.referral.Referrals;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The screen an access officer opens on sign-in: new referrals to triage, providers' requests for allocation
 * (JW315) by their deadline, and the municipality's budget lines. The worked example of a screen (platform/web
 * README): the same role and tenant as the API (the caller's municipality only, from {@link Caller}), the same
 * repositories, the layout of platform/web.
 */
@Controller("/toegang")
@Hidden
class WorklistScreen {
    static final int LIMIT = 50;
    private final Referrals referrals;
    private final BudgetLines budgetLines;
    private final Clock clock;

    WorklistScreen(Referrals referrals, BudgetLines budgetLines, Clock clock) {
        this.referrals = referrals;
        this.budgetLines = budgetLines;
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
        List<Referral> toTriage = referrals.findToTriage(municipality, LIMIT);
        List<Request> requests = referrals.findOpenRequests(municipality, LIMIT).stream()
                .map(r -> new Request(r, r.answerDeadline() != null && r.answerDeadline().isBefore(today))).toList();
        List<BudgetLine> budgets = budgetLines.findByMunicipalityCodeAndYear(municipality, today.getYear(),
                Pageable.from(0, 100)).getContent().stream()
                .sorted(Comparator.comparingLong(BudgetLine::remainingCents)).toList();
        return Map.of("today", today, "toTriage", toTriage, "requests", requests, "budgets", budgets);
    }

    /** A provider's request with whether its deadline has passed. */
    record Request(Referral referral, boolean overdue) {
    }
}
