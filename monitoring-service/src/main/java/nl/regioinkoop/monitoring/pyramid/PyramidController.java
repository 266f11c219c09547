package nl.regioinkoop.monitoring.pyramid;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.monitoring.slice.Render;
import nl.regioinkoop.monitoring.slice.Scopes;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.slice.SliceParams;

@Controller("/api/v1/pyramid")
@Tag(name = "Pyramid")
class PyramidController {
    private final Pyramid pyramid;
    private final Scopes scopes;

    PyramidController(Pyramid pyramid, Scopes scopes) {
        this.pyramid = pyramid;
        this.scopes = scopes;
    }

    @Get
    @Produces({"application/json", Render.TEXT_CSV})
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Clients and spend per segment, counts and shares; a municipality analyst also gets the region's totals")
    HttpResponse<?> pyramid(HttpRequest<?> request, @RequestBean SliceParams params, Authentication authentication) {
        Slice slice = scopes.of(authentication, params);
        Pyramid.View view = slice.municipality() == null ? pyramid.of(slice) : pyramid.besideRegion(slice);
        return Render.figure(request, params, view, view.segments(), "pyramid");
    }
}
