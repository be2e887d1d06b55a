package com.meetergo.apiauth.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one source of "now": every expiry check and timestamp reads this clock. It ticks in whole milliseconds, so that
 * what a response shows is exactly what the database keeps (both H2 and PostgreSQL keep microseconds and would round
 * nanoseconds).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
