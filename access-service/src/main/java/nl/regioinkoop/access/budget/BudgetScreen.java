package nl.regioinkoop.access.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The municipality's budget lines of a year: amount, committed, realised, remaining and the share used, from the
 * same {@link BudgetLines} as the API's {@code GET /budgets} (the caller's municipality only). The year-end
 * forecast is monitoring's (it sees the whole region's history); access does not repeat it, the page says where
 * it is.
 */
@Controller("/toegang/budget")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ACCESS_OFFICER)
class BudgetScreen {
    private final BudgetLines lines;
    private final Clock clock;

    BudgetScreen(BudgetLines lines, Clock clock) {
        this.lines = lines;
        this.clock = clock;
    }

    /** A line with the share of its amount committed or realised. */
    record Line(BudgetLine line, BigDecimal usedPercent) {
        static Line of(BudgetLine line) {
            return new Line(line, line.usedPercent());
        }

        /** Width of the meter, 0-100. */
        public long meter() {
            return usedPercent.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    @View("toegang/budget")
    Map<String, Object> budget(@Nullable @QueryValue Integer jaar, Authentication authentication) {
        String municipality = Caller.of(authentication).municipalityCode();
        if (municipality == null) {
            throw ProblemException.forbidden();
        }
        int year = jaar == null ? LocalDate.now(clock).getYear() : jaar;
        List<BudgetLine> all = lines.findByMunicipalityCode(municipality,
                Pageable.from(0, 500, Sort.of(Sort.Order.asc("year"), Sort.Order.asc("line")))).getContent();
        TreeSet<Integer> years = new TreeSet<>();
        all.forEach(l -> years.add(l.year()));
        years.add(LocalDate.now(clock).getYear());
        List<Line> shown = all.stream().filter(l -> l.year() == year).map(Line::of).toList();
        long amount = shown.stream().mapToLong(l -> l.line().amountCents()).sum();
        long committed = shown.stream().mapToLong(l -> l.line().committedCents()).sum();
        long realised = shown.stream().mapToLong(l -> l.line().realisedCents()).sum();
        Map<String, Object> model = new HashMap<>();
        model.put("year", year);
        model.put("years", years.descendingSet());
        model.put("lines", shown);
        model.put("amount", amount);
        model.put("committed", committed);
        model.put("realised", realised);
        model.put("remaining", amount - committed - realised);
        return model;
    }
}
