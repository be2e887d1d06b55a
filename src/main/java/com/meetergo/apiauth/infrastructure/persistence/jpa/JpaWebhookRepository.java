package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.webhook.WebhookAttempt;
import com.meetergo.apiauth.domain.model.webhook.WebhookDelivery;
import com.meetergo.apiauth.domain.model.webhook.WebhookEndpoint;
import com.meetergo.apiauth.domain.model.webhook.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

    private static final WebhookDelivery.Status PENDING = WebhookDelivery.Status.PENDING;

    @PersistenceContext(unitName = "apiauth")
    EntityManager em;

    @Override
    public void addEndpoint(WebhookEndpoint endpoint) {
        em.persist(endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> findEndpoint(String id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id));
    }

    @Override
    public List<WebhookEndpoint> endpointsOf(String companyId) {
        return em.createQuery(
                        "select e from WebhookEndpoint e where e.companyId = :company" + " order by e.createdAt, e.id",
                        WebhookEndpoint.class)
                .setParameter("company", companyId)
                .getResultList();
    }

    @Override
    public List<WebhookEndpoint> enabledEndpointsOf(Collection<String> companyIds) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select e from WebhookEndpoint e where e.companyId in :companies"
                                + " and e.disabledAt is null order by e.createdAt, e.id",
                        WebhookEndpoint.class)
                .setParameter("companies", companyIds)
                .getResultList();
    }

    @Override
    public void deleteEndpoint(String id) {
        em.createQuery("delete from WebhookAttempt a where a.endpointId = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.endpointId = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.createQuery("delete from WebhookEndpoint e where e.id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    @Override
    public void addDelivery(WebhookDelivery delivery) {
        em.persist(delivery);
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(String id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id));
    }

    private static final String DUE = " d.status = :pending and d.nextAttemptAt <= :now"
            + " and (d.claimedUntil is null or d.claimedUntil < :now)";

    @Override
    public List<DueEndpoint> endpointsDue(Instant now, boolean slow, int limit) {
        // The longest waiting first: an endpoint whose deliveries wait for a slot (its company's 8 taken
        // by its other endpoints) comes before those whose retries keep falling due. One lane at a time:
        // however many slow endpoints wait, the fast lane's are never behind them in a poll.
        return em
                .createQuery(
                        "select e.id, e.companyId from WebhookDelivery d, WebhookEndpoint e"
                                + " where e.id = d.endpointId and e.disabledAt is null and e.slowSince is "
                                + (slow ? "not null" : "null") + " and" + DUE
                                + " group by e.id, e.companyId order by min(d.nextAttemptAt)",
                        Object[].class)
                .setParameter("pending", PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(row -> new DueEndpoint((String) row[0], (String) row[1], slow))
                .toList();
    }

    @Override
    public boolean slow(String endpointId, Instant now) {
        return em.createQuery("update WebhookEndpoint e set e.slowSince = :now where e.id = :id "
                                + "and e.slowSince is null")
                        .setParameter("now", now)
                        .setParameter("id", endpointId)
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean fast(String endpointId) {
        return em.createQuery("update WebhookEndpoint e set e.slowSince = null where e.id = :id"
                                + " and e.slowSince is not null")
                        .setParameter("id", endpointId)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void unclaim(String deliveryId, String server) {
        em.createQuery("update WebhookDelivery d set d.claimedBy = null, d.claimedUntil = null"
                        + " where d.id = :id and d.claimedBy = :server and d.status = :pending")
                .setParameter("id", deliveryId)
                .setParameter("server", server)
                .setParameter("pending", PENDING)
                .executeUpdate();
    }

    @Override
    public List<WebhookDelivery> due(String endpointId, Instant now, int limit) {
        return em.createQuery(
                        "select d from WebhookDelivery d where d.endpointId = :endpoint and" + DUE
                                + " order by d.nextAttemptAt, d.id",
                        WebhookDelivery.class)
                .setParameter("endpoint", endpointId)
                .setParameter("pending", PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public boolean claim(String deliveryId, String server, Instant now, Instant until) {
        return em.createQuery("update WebhookDelivery d set d.claimedBy = :server, d.claimedUntil = :until"
                                + " where d.id = :id and d.status = :pending and "
                                + "(d.claimedUntil is null or d.claimedUntil < :now)")
                        .setParameter("server", server)
                        .setParameter("until", until)
                        .setParameter("id", deliveryId)
                        .setParameter("pending", PENDING)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void delivered(String deliveryId, int attempts, Instant now) {
        finish(deliveryId, WebhookDelivery.Status.DELIVERED, attempts, now);
    }

    @Override
    public void failed(String deliveryId, int attempts, Instant now) {
        finish(deliveryId, WebhookDelivery.Status.FAILED, attempts, now);
    }

    private void finish(String deliveryId, WebhookDelivery.Status status, int attempts, Instant now) {
        em.createQuery("update WebhookDelivery d set d.status = :status, d.attempts = :attempts,"
                        + " d.finishedAt = :now, d.claimedBy = null, d.claimedUntil = null where d.id = :id")
                .setParameter("status", status)
                .setParameter("attempts", attempts)
                .setParameter("now", now)
                .setParameter("id", deliveryId)
                .executeUpdate();
    }

    @Override
    public void retryAt(String deliveryId, int attempts, Instant next) {
        em.createQuery("update WebhookDelivery d set d.attempts = :attempts, d.nextAttemptAt = :next,"
                        + " d.claimedBy = null, d.claimedUntil = null where d.id = :id and d.status = :pending")
                .setParameter("attempts", attempts)
                .setParameter("next", next)
                .setParameter("id", deliveryId)
                .setParameter("pending", PENDING)
                .executeUpdate();
    }

    @Override
    public void addAttempt(WebhookAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public List<WebhookAttempt> attemptsOf(String endpointId, int limit) {
        return em.createQuery(
                        "select a from WebhookAttempt a where a.endpointId = :id"
                                + " order by a.attemptedAt desc, a.id",
                        WebhookAttempt.class)
                .setParameter("id", endpointId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void failing(String endpointId, Instant now) {
        em.createQuery("update WebhookEndpoint e set e.failingSince = :now where e.id = :id and e.failingSince is null")
                .setParameter("now", now)
                .setParameter("id", endpointId)
                .executeUpdate();
    }

    @Override
    public void succeeding(String endpointId) {
        em.createQuery("update WebhookEndpoint e set e.failingSince = null where e.id = :id"
                        + " and e.failingSince is not null")
                .setParameter("id", endpointId)
                .executeUpdate();
    }

    @Override
    public boolean disableIfFailingSince(String endpointId, Instant before, Instant now) {
        return em.createQuery("update WebhookEndpoint e set e.disabledAt = :now where e.id = :id"
                                + " and e.disabledAt is null and e.failingSince < :before")
                        .setParameter("now", now)
                        .setParameter("id", endpointId)
                        .setParameter("before", before)
                        .executeUpdate()
                == 1;
    }

    @Override
    public int dueNow(String endpointId, Instant now) {
        return em.createQuery("update WebhookDelivery d set d.nextAttemptAt = :now where d.endpointId = :id"
                        + " and d.status = :pending and d.nextAttemptAt > :now")
                .setParameter("now", now)
                .setParameter("id", endpointId)
                .setParameter("pending", PENDING)
                .executeUpdate();
    }

    @Override
    public long pendingCount() {
        return em.createQuery("select count(d) from WebhookDelivery d where d.status = :pending", Long.class)
                .setParameter("pending", PENDING)
                .getSingleResult();
    }

    @Override
    public Optional<Instant> oldestPending() {
        return em.createQuery(
                        "select d from WebhookDelivery d where d.status = :pending order by d.createdAt",
                        WebhookDelivery.class)
                .setParameter("pending", PENDING)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(WebhookDelivery::createdAt);
    }
}
