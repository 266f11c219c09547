package nl.regioinkoop.monitoring.signal;

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
import nl.regioinkoop.monitoring.slice.Render;
import nl.regioinkoop.monitoring.slice.Scopes;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.slice.SliceParams;

import java.time.LocalDate;
import java.util.List;

@Controller("/api/v1/signals")
@Tag(name = "Signals")
class SignalController {
    private final Signals signals;
    private final Scopes scopes;

    SignalController(Signals signals, Scopes scopes) {
        this.signals = signals;
        this.scopes = scopes;
    }

    @Get
    @Produces({"application/json", Render.TEXT_CSV})
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Upcoding, contract ceilings, budget lines forecast to overrun and overdue requests for allocation")
    HttpResponse<?> signals(HttpRequest<?> request, @RequestBean SliceParams params, Authentication authentication) {
        Slice slice = scopes.of(authentication, params);
        LocalDate today = scopes.today();
        List<Signals.Signal> list = signals.of(slice, today);
        return Render.figure(request, params, new View(slice, today, signals.thresholds(), list), list, "signals");
    }

    @Serdeable
    record View(Slice slice, LocalDate today, Signals.Thresholds thresholds, List<Signals.Signal> signals) {
    }
}
