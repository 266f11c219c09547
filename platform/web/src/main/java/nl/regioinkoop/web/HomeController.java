package nl.regioinkoop.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/** The one address's start page: what the signed-in person's role may do, whichever service answers it. */
@Controller
@Hidden
class HomeController {

    @Get(uri = "/", produces = "text/html")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @View("web/home")
    Map<String, Object> home() {
        return Map.of();
    }
}
