package com.meetergo.apiauth.domain.model.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: 5 s after the first attempt, doubling each time up to 12 h, each delay
 * scattered by ±20 % (jitter: endpoints that failed together are not retried together), for 3 days after the event;
 * after that the delivery has failed. docs/webhooks.md lists the schedule.
 */
public final class RetrySchedule {

    public static final Duration FIRST = Duration.ofSeconds(5);
    public static final Duration LONGEST = Duration.ofHours(12);
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

    private final RandomGenerator random;

    public RetrySchedule(RandomGenerator random) {
        this.random = random;
    }

    /** The delay after the {@code attempts}-th failed attempt (1 = the first), before jitter. */
    public static Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        var delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }

    /** When to try again after {@code attempts} failed attempts, or empty once past 3 days of the event. */
    public Optional<Instant> next(Instant eventAt, int attempts, Instant now) {
        long base = delayAfter(attempts).toMillis();
        long jittered = Math.round(base * (0.8 + 0.4 * random.nextDouble()));
        var next = now.plusMillis(jittered);
        return next.isAfter(eventAt.plus(GIVE_UP_AFTER)) ? Optional.empty() : Optional.of(next);
    }
}
