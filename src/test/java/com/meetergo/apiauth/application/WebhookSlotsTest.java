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

/** The bounds of one server's webhook attempts: per endpoint, per company, per lane, in all. */
class WebhookSlotsTest {

    @Test
    void aDeadEndpointHoldsFourAndACompanyEight() {
        var slots = new WebhookSlots(4, 8, 64, 32);
        assertEquals(4, slots.room("e1", "attacker", false));
        for (int i = 0; i < 4; i++) {
            assertTrue(slots.take("e1", "attacker", false));
        }
        assertFalse(slots.take("e1", "attacker", false), "a fifth attempt to one endpoint");
        for (int i = 0; i < 4; i++) {
            assertTrue(slots.take("e2", "attacker", false));
        }
        assertEquals(0, slots.room("e3", "attacker", false), "the company's third endpoint waits");
        assertFalse(slots.take("e3", "attacker", false));
        assertEquals(4, slots.room("e9", "other", false), "another company is not held up");
        assertEquals(8, slots.inFlight());
    }

    @Test
    void theServerBoundHoldsForEveryone() {
        var slots = new WebhookSlots(4, 8, 10, 5);
        for (int i = 0; i < 10; i++) {
            assertTrue(slots.take("e" + i, "c" + i, false));
        }
        assertTrue(slots.full());
        assertEquals(0, slots.room("new", "new", false));
        slots.release("e3", "c3", false);
        assertEquals(1, slots.room("new", "new", false));
    }

    @Test
    void whatIsReleasedIsForgotten() {
        var slots = new WebhookSlots(4, 8, 64, 32);
        slots.take("deleted-endpoint", "c", false);
        slots.take("deleted-endpoint", "c", false);
        assertEquals(2, slots.tracked());
        slots.release("deleted-endpoint", "c", false);
        slots.release("deleted-endpoint", "c", false);
        assertEquals(0, slots.tracked(), "an endpoint with nothing in flight leaves no entry");
        assertEquals(0, slots.inFlight());
    }

    @Test
    void boundsHoldUnderContention() throws Exception {
        var slots = new WebhookSlots(4, 8, 64, 32);
        var most = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        var done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (slots.take("e", "c", false)) {
                        most.accumulateAndGet(slots.inFlight(), Math::max);
                        slots.release("e", "c", false);
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
        assertThrows(IllegalArgumentException.class, () -> new WebhookSlots(0, 8, 64, 32));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSlots(4, 2, 64, 32));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSlots(4, 8, 0, 0));
    }

    /** However many companies are slow, they hold at most the slow lane; the rest stays for the fast lane. */
    @Test
    void slowCompaniesHoldTheSlowLaneAndNoMore() {
        var slots = new WebhookSlots(4, 8, 64, 32);
        int held = 0;
        for (int company = 0; company < 1000; company++) {
            for (int endpoint = 0; endpoint < 20; endpoint++) {
                while (slots.take("e" + company + "." + endpoint, "slow" + company, true)) {
                    held++;
                }
            }
        }
        assertEquals(32, held, "1000 slow companies of 20 endpoints each");
        assertTrue(slots.slowFull());
        assertFalse(slots.full());
        assertEquals(4, slots.room("live", "other", false), "a live endpoint of another company is served");
        assertEquals(0, slots.room("live", "other", true), "were it slow, it would wait like the others");
        slots.release("e0.0", "slow0", true);
        assertEquals(31, slots.slowInFlight());
        assertEquals(1, slots.room("e5.0", "slow5", true));
    }

    @Test
    void theFastLaneMayUseTheSlowLanesShareButNotTheServers() {
        var slots = new WebhookSlots(4, 8, 10, 5);
        for (int i = 0; i < 10; i++) {
            assertTrue(slots.take("e" + i, "c" + i, false));
        }
        assertTrue(slots.full());
        assertTrue(slots.slowFull(), "no slot left in all");
        assertEquals(0, slots.slowInFlight());
        assertThrows(IllegalArgumentException.class, () -> new WebhookSlots(4, 8, 10, 11));
    }
}
