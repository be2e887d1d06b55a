package com.meetergo.apiauth.application;

import java.util.HashMap;
import java.util.Map;

/**
 * The webhook attempts one server has in flight (claimed and not yet recorded), counted per endpoint, per company, per
 * lane and in all, each with its bound: a dead endpoint holds at most {@code perEndpoint} attempts, a company whose
 * every endpoint is dead at most {@code perCompany}, the slow lane (endpoints whose attempts take long) at most
 * {@code slowLane} however many companies are slow, and the server at most {@code total} (the managed executor's own
 * bound, so that nothing claimed waits in its queue while its lease runs out). What the slow lane may not take stays
 * for the fast lane, whose attempts are cut at 2 s: a slot there is free again within 2 s. An endpoint or company with
 * nothing in flight is forgotten.
 */
final class WebhookSlots {

    private final int perEndpoint;
    private final int perCompany;
    private final int total;
    private final int slowLane;
    private final Map<String, Integer> endpoints = new HashMap<>();
    private final Map<String, Integer> companies = new HashMap<>();
    private int inFlight;
    private int slowInFlight;

    WebhookSlots(int perEndpoint, int perCompany, int total, int slowLane) {
        if (perEndpoint < 1 || perCompany < perEndpoint || total < 1 || slowLane < 1 || slowLane > total) {
            throw new IllegalArgumentException("webhook slots: " + perEndpoint + " per endpoint, " + perCompany
                    + " per company, " + total + " in all, " + slowLane + " slow");
        }
        this.perEndpoint = perEndpoint;
        this.perCompany = perCompany;
        this.total = total;
        this.slowLane = slowLane;
    }

    /** How many more attempts this endpoint, in this lane, may take now. */
    synchronized int room(String endpointId, String companyId, boolean slow) {
        int room = Math.min(
                total - inFlight,
                Math.min(
                        perEndpoint - endpoints.getOrDefault(endpointId, 0),
                        perCompany - companies.getOrDefault(companyId, 0)));
        if (slow) {
            room = Math.min(room, slowLane - slowInFlight);
        }
        return Math.max(0, room);
    }

    synchronized boolean full() {
        return inFlight >= total;
    }

    /** True when the slow lane takes no more attempts now. */
    synchronized boolean slowFull() {
        return slowInFlight >= slowLane || inFlight >= total;
    }

    /** Takes one slot if every bound allows it. */
    synchronized boolean take(String endpointId, String companyId, boolean slow) {
        if (room(endpointId, companyId, slow) == 0) {
            return false;
        }
        endpoints.merge(endpointId, 1, Integer::sum);
        companies.merge(companyId, 1, Integer::sum);
        inFlight++;
        if (slow) {
            slowInFlight++;
        }
        return true;
    }

    synchronized void release(String endpointId, String companyId, boolean slow) {
        endpoints.computeIfPresent(endpointId, (id, n) -> n > 1 ? n - 1 : null);
        companies.computeIfPresent(companyId, (id, n) -> n > 1 ? n - 1 : null);
        inFlight--;
        if (slow) {
            slowInFlight--;
        }
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int slowInFlight() {
        return slowInFlight;
    }

    /** Endpoints and companies with something in flight (what this object remembers). */
    synchronized int tracked() {
        return endpoints.size() + companies.size();
    }
}
