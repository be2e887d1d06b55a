package com.meetergo.apiauth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.domain.model.webhook.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The webhook retry schedule as docs/webhooks.md prints it: doubling from 5 s to 12 h, ±20 %, for 3 days. */
class RetryScheduleTest {

    @Test
    void delaysDoubleFromFiveSecondsUpToTwelveHours() {
        var delays = new ArrayList<Duration>();
        for (int attempt = 1; attempt <= 17; attempt++) {
            delays.add(RetrySchedule.delayAfter(attempt));
        }
        assertEquals(
                List.of(
                        5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 5120L, 10240L, 20480L, 40960L, 43200L,
                        43200L, 43200L),
                delays.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void eachDelayIsScatteredByAtMostTwentyPercent() {
        var schedule = new RetrySchedule(new SplittableRandom(7));
        var now = Instant.parse("2026-12-03T00:00:00Z");
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long millis = Duration.between(now, schedule.next(now, 1, now).orElseThrow())
                    .toMillis();
            min = Math.min(min, millis);
            max = Math.max(max, millis);
        }
        assertTrue(min >= 4_000 && min < 4_100, "the shortest of 10,000 first delays: " + min + " ms");
        assertTrue(max <= 6_000 && max > 5_900, "the longest: " + max + " ms");
    }

    /**
     * A delivery failing every time is tried 18 to 20 times (19 without jitter), the last within 3 days of its event.
     */
    @Test
    void aDeliveryThatAlwaysFailsIsGivenUpAfterThreeDays() {
        var schedule = new RetrySchedule(new SplittableRandom(11));
        var event = Instant.parse("2026-12-03T00:00:00Z");
        for (int run = 0; run < 200; run++) {
            var at = event;
            int attempts = 1;
            while (true) {
                var next = schedule.next(event, attempts, at);
                if (next.isEmpty()) {
                    break;
                }
                at = next.get();
                attempts++;
            }
            assertTrue(!at.isAfter(event.plus(RetrySchedule.GIVE_UP_AFTER)), "an attempt after 3 days: " + at);
            assertTrue(at.isAfter(event.plus(Duration.ofHours(48))), "the last attempt at " + at);
            assertTrue(attempts >= 18 && attempts <= 20, attempts + " attempts");
        }
    }
}
