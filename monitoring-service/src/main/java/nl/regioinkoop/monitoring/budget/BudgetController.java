package nl.regioinkoop.monitoring.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.monitoring.forecast.ForecastFacts;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Render;
import nl.regioinkoop.monitoring.slice.Scopes;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.slice.SliceParams;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Controller("/api/v1/budgets")
@Tag(name = "Budgets")
class BudgetController {
    private final Budgets budgets;
    private final Scopes scopes;

    BudgetController(Budgets budgets, Scopes scopes) {
        this.budgets = budgets;
        this.scopes = scopes;
    }

    @Get
    @Produces({"application/json", Render.TEXT_CSV})
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Budget lines of the year of 'from' (per municipality and line): amount, committed, realised, remaining and the forecast of year-end spend as of a date (default today) by the method with the lower backtest error, with its band and assumption")
    HttpResponse<?> budgets(HttpRequest<?> request, @RequestBean SliceParams params,
                            @Parameter(description = "the date the forecast is made on (ISO date); default today")
                            @Nullable @QueryValue String asOf, Authentication authentication) {
        Slice slice = scopes.of(authentication, params);
        LocalDate on = asOf(asOf);
        List<Budgets.Line> lines = budgets.lines(slice, on);
        long amount = lines.stream().mapToLong(Budgets.Line::amountCents).sum();
        long forecast = lines.stream().mapToLong(Budgets.Line::forecastCents).sum();
        long band = lines.stream().mapToLong(Budgets.Line::forecastBandCents).sum();
        int year = slice.from().getYear();
        LocalDate knownThrough = ForecastFacts.knownThrough(on, year);
        View view = new View(year, budgets.assumption(), lines, amount, Money.euros(amount), forecast,
                Money.euros(forecast), budgets.method().name(), on, knownThrough,
                budgets.forecasts().bandPercent(knownThrough, year), band, "± " + Money.euros(band));
        return Render.figure(request, params, view, lines, "budgets");
    }

    private LocalDate asOf(String asOf) {
        if (asOf == null) {
            return scopes.today();
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf must be an ISO date such as 2026-06-30",
                    new Problem.Violation("asOf", "must be an ISO date such as 2026-06-30"));
        }
    }

    /** bandPercent: the chosen method's backtest error at the month-end the forecast is known through. */
    @Serdeable
    record View(int year, String assumption, List<Budgets.Line> lines, long amountCents, String amount,
                long forecastCents, String forecast, String method, LocalDate asOf, LocalDate knownThrough,
                BigDecimal bandPercent, long forecastBandCents, String forecastBand) {
    }
}
