package nl.regioinkoop.monitoring;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "monitoring-service", version = "1",
                description = "Monitoring of Regio Inkoop: dashboards, forecasts, scorecards and signals, built from events"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class MonitoringApplication {
    public static void main(String[] args) {
        Micronaut.run(MonitoringApplication.class, args);
    }
}
