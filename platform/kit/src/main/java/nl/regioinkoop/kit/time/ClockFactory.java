package nl.regioinkoop.kit.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The one clock every service reads time from, so tests control it. Dutch dates by default. */
@Factory
class ClockFactory {

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock(@Value("${regio.time-zone:Europe/Amsterdam}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
