package com.meetergo.apiauth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.domain.model.Ids;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ids of rows that come in volume: UUIDv7, in the order they were made, never twice. */
class IdsTest {

    @Test
    void versionSevenWithTheTimeOfCreation() {
        long before = System.currentTimeMillis();
        var id = UUID.fromString(Ids.timeOrdered());
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "RFC 9562's variant");
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, millis + " not within " + before + "–" + after);
    }

    @Test
    void inTheOrderTheyWereMadeAsTextAndNeverTwice() {
        var seen = new HashSet<String>();
        String previous = "";
        var first = UUID.fromString(Ids.timeOrdered());
        for (int i = 0; i < 100_000; i++) {
            var id = Ids.timeOrdered();
            assertTrue(seen.add(id), "twice: " + id);
            assertTrue(id.compareTo(previous) > 0, previous + " then " + id);
            previous = id;
        }
        // the order holds across milliseconds, not only within one: the run spanned several
        long firstMillis = first.getMostSignificantBits() >>> 16;
        long lastMillis = UUID.fromString(previous).getMostSignificantBits() >>> 16;
        assertTrue(lastMillis > firstMillis, "100,000 ids within one millisecond: " + firstMillis);
    }
}
