package com.meetergo.apiauth.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Replaces the application's clock in the in-container test deployments that add it, so that a test moves time instead
 * of waiting for it. Unset, it is the system clock in milliseconds.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MutableClock extends Clock {

    private volatile Instant fixed;

    public void setTo(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        var now = fixed;
        // Whole milliseconds, like the application's own clock (ClockProducer).
        return now == null ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
