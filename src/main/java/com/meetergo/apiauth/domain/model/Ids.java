package com.meetergo.apiauth.domain.model;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.security.SecureRandom;

/**
 * Ids of the rows that come in volume — credentials, audit events, webhook deliveries and attempts: UUIDv7 (RFC 9562):
 * the time of creation in milliseconds, then bits from {@code SecureRandom} (Java UUID Generator's version 7
 * generator). Rows created together sit together in their primary key's index: an insert appends to it instead of
 * rewriting a page anywhere in it, and the credentials one sweep expires — created together, a lifetime earlier — are a
 * few neighbouring pages, not one page each. An id is no secret (an API key's id is in its hint and its lists; the
 * secret is its own 190 bits), so the creation time it shows reveals nothing the lists do not.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator V7 = Generators.timeBasedEpochGenerator(new SecureRandom());

    private Ids() {}

    /** A new UUIDv7, in the canonical lower-case text form. */
    public static String timeOrdered() {
        return V7.generate().toString();
    }
}
