package com.meetergo.apiauth.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounds of one server's webhook attempts: per endpoint, per company, in all. */
class WebhookSlotsTest {

    @Test
    void aDeadEndpointHoldsFourAndACompanyEight() {
        var slots = new WebhookSlots(4, 8, 64);
        assertEquals(4, slots.room("e1", "attacker"));
        for (int i = 0; i < 4; i++) {
            assertTrue(slots.take("e1", "attacker"));
        }
        assertFalse(slots.take("e1", "attacker"), "a fifth attempt to one endpoint");
        for (int i = 0; i < 4; i++) {
            assertTrue(slots.take("e2", "attacker"));
        }
        assertEquals(0, slots.room("e3", "attacker"), "the company's third endpoint waits");
        assertFalse(slots.take("e3", "attacker"));
        assertEquals(4, slots.room("e9", "other"), "another company is not held up");
        assertEquals(8, slots.inFlight());
    }

    @Test
    void theServerBoundHoldsForEveryone() {
        var slots = new WebhookSlots(4, 8, 10);
        for (int i = 0; i < 10; i++) {
            assertTrue(slots.take("e" + i, "c" + i));
        }
        assertTrue(slots.full());
        assertEquals(0, slots.room("new", "new"));
        slots.release("e3", "c3");
        assertEquals(1, slots.room("new", "new"));
    }

    @Test
    void whatIsReleasedIsForgotten() {
        var slots = new WebhookSlots(4, 8, 64);
        slots.take("deleted-endpoint", "c");
        slots.take("deleted-endpoint", "c");
        assertEquals(2, slots.tracked());
        slots.release("deleted-endpoint", "c");
        slots.release("deleted-endpoint", "c");
        assertEquals(0, slots.tracked(), "an endpoint with nothing in flight leaves no entry");
        assertEquals(0, slots.inFlight());
    }

    @Test
    void boundsHoldUnderContention() throws Exception {
        var slots = new WebhookSlots(4, 8, 64);
        var most = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        var done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (slots.take("e", "c")) {
                        most.accumulateAndGet(slots.inFlight(), Math::max);
                        slots.release("e", "c");
                    }
                }
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(most.get() <= 4, "never more than 4 in flight to one endpoint: " + most.get());
        assertEquals(0, slots.inFlight());
        assertEquals(0, slots.tracked());
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSlots(0, 8, 64));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSlots(4, 2, 64));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSlots(4, 8, 0));
    }
}
