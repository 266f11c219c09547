package nl.regioinkoop.monitoring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** A test may fix "today" ({@code test.today}) so that mid-year and deadline signals are deterministic. */
@Factory
@Requires(property = "test.today")
class FixedClockFactory {
    @Singleton
    Clock fixedClock(@Value("${test.today}") String today) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        return Clock.fixed(LocalDate.parse(today).atTime(12, 0).atZone(zone).toInstant(), zone);
    }
}
