package nl.regioinkoop.monitoring.budget;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Render;
import nl.regioinkoop.monitoring.slice.Scopes;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.slice.SliceParams;

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
    @Operation(summary = "Budget lines of the year of 'from' (per municipality and line): amount, committed, realised, remaining and the forecast of year-end spend with its assumption")
    HttpResponse<?> budgets(HttpRequest<?> request, @RequestBean SliceParams params, Authentication authentication) {
        Slice slice = scopes.of(authentication, params);
        List<Budgets.Line> lines = budgets.lines(slice);
        long amount = lines.stream().mapToLong(Budgets.Line::amountCents).sum();
        long forecast = lines.stream().mapToLong(Budgets.Line::forecastCents).sum();
        View view = new View(slice.from().getYear(), Budgets.ASSUMPTION, lines, amount, Money.euros(amount), forecast,
                Money.euros(forecast));
        return Render.figure(request, params, view, lines, "budgets");
    }

    @Serdeable
    record View(int year, String assumption, List<Budgets.Line> lines, long amountCents, String amount,
                long forecastCents, String forecast) {
    }
}
