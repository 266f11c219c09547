package nl.regioinkoop.contracting;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The service's clock in tests: Dutch time, set and moved by the test, so deadlines and standstills are testable. */
@Singleton
@Replaces(Clock.class)
public class TestClock extends Clock {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private volatile Instant now = LocalDate.of(2026, 1, 5).atTime(9, 0).atZone(ZONE).toInstant();

    public void setToday(LocalDate day) {
        now = day.atTime(9, 0).atZone(ZONE).toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZONE);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
