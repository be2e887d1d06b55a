package com.meetergo.apiauth.application;

import java.util.HashMap;
import java.util.Map;

/**
 * The webhook attempts one server has in flight (claimed and not yet recorded), counted per endpoint,
 * per company and in all, each with its bound: a dead endpoint holds at most {@code perEndpoint}
 * attempts, a company whose every endpoint is dead at most {@code perCompany}, and the server at most
 * {@code total} (the managed executor's own bound, so that nothing claimed waits in its queue while
 * its lease runs out). An endpoint or company with nothing in flight is forgotten.
 */
final class WebhookSlots {

    private final int perEndpoint;
    private final int perCompany;
    private final int total;
    private final Map<String, Integer> endpoints = new HashMap<>();
    private final Map<String, Integer> companies = new HashMap<>();
    private int inFlight;

    WebhookSlots(int perEndpoint, int perCompany, int total) {
        if (perEndpoint < 1 || perCompany < perEndpoint || total < 1) {
            throw new IllegalArgumentException("webhook slots: " + perEndpoint + " per endpoint, " + perCompany
                    + " per company, " + total + " in all");
        }
        this.perEndpoint = perEndpoint;
        this.perCompany = perCompany;
        this.total = total;
    }

    /** How many more attempts this endpoint may take now. */
    synchronized int room(String endpointId, String companyId) {
        return Math.max(0, Math.min(total - inFlight, Math.min(perEndpoint - endpoints.getOrDefault(endpointId, 0),
                perCompany - companies.getOrDefault(companyId, 0))));
    }

    synchronized boolean full() {
        return inFlight >= total;
    }

    /** Takes one slot if every bound allows it. */
    synchronized boolean take(String endpointId, String companyId) {
        if (room(endpointId, companyId) == 0) {
            return false;
        }
        endpoints.merge(endpointId, 1, Integer::sum);
        companies.merge(companyId, 1, Integer::sum);
        inFlight++;
        return true;
    }

    synchronized void release(String endpointId, String companyId) {
        endpoints.computeIfPresent(endpointId, (id, n) -> n > 1 ? n - 1 : null);
        companies.computeIfPresent(companyId, (id, n) -> n > 1 ? n - 1 : null);
        inFlight--;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    /** Endpoints and companies with something in flight (what this object remembers). */
    synchronized int tracked() {
        return endpoints.size() + companies.size();
    }
}
