package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.CredentialSweepRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class JpaCredentialSweepRepository implements CredentialSweepRepository {

    private static final List<CredentialStatus> LIVE = List.of(CredentialStatus.ACTIVE, CredentialStatus.DEACTIVATED);
    private static final List<CredentialStatus> ENDED = List.of(CredentialStatus.EXPIRED, CredentialStatus.REVOKED);

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Override
    public boolean claim(Instant now, Duration period) {
        // A last run "in the future" means the clock went back: run rather than wait for it.
        return em.createNativeQuery("update sweep_state set last_run_at = ? where id = 1"
                + " and (last_run_at is null or last_run_at <= ? or last_run_at > ?)")
                .setParameter(1, utc(now)).setParameter(2, utc(now.minus(period))).setParameter(3, utc(now))
                .executeUpdate() == 1;
    }

    @Override
    public List<Swept> expiredButLive(CredentialType type, Instant now, int limit) {
        return locked(type, "expires_at <= ?", "expires_at", limit, now);
    }

    @Override
    public List<Swept> pastGraceButLive(CredentialType type, Instant now, int limit) {
        return locked(type, "grace_until <= ?", "grace_until", limit, now);
    }

    @Override
    public List<Swept> expiringUnwarned(CredentialType type, Instant now, Instant horizon, int limit) {
        return locked(type, "expires_at > ? and expires_at <= ? and expiry_warned_at is null", "expires_at", limit,
                now, horizon);
    }

    @Override
    public void markExpired(CredentialType type, List<String> ids) {
        update(type, "c.lifecycle.status = :status", ids).setParameter("status", CredentialStatus.EXPIRED)
                .executeUpdate();
    }

    @Override
    public void markEnded(CredentialType type, List<String> ids, Instant now) {
        update(type, "c.lifecycle.status = :status, c.lifecycle.revokedAt = :now", ids)
                .setParameter("status", CredentialStatus.REVOKED).setParameter("now", now).executeUpdate();
    }

    @Override
    public void markWarned(CredentialType type, List<String> ids, Instant now) {
        update(type, "c.lifecycle.expiryWarnedAt = :now", ids).setParameter("now", now).executeUpdate();
    }

    @Override
    public int eraseDigestsEndedBefore(CredentialType type, Instant cutoff, Instant now, int limit) {
        var ids = em.createQuery("select c.id from " + entity(type) + " c where c.lifecycle.status in :ended"
                + " and c.secretDigest is not null and (c.lifecycle.revokedAt <= :cutoff"
                + " or c.lifecycle.revokedAt is null and c.lifecycle.expiresAt <= :cutoff)", String.class)
                .setParameter("ended", ENDED).setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return update(type, "c.secretDigest = null, c.lifecycle.digestErasedAt = :now", ids).setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Up to {@code limit} matching credentials, locked, one live status at a time and in the order of an
     * indexed column: with one status the (status, expires_at) index yields the rows in that order, so
     * the database reads and locks just {@code limit} rows ("status in (...)" scanned or sorted every
     * match). Native SQL because EclipseLink writes "FOR UPDATE LIMIT" for H2, which H2 refuses. Only
     * ids and companies are read: building entities cost more than the update itself.
     */
    @SuppressWarnings("unchecked")
    private List<Swept> locked(CredentialType type, String condition, String order, int limit, Instant... times) {
        var locked = new ArrayList<Swept>();
        for (var status : LIVE) {
            if (locked.size() < limit) {
                var query = em.createNativeQuery("select id, company_id from " + table(type) + " where status = ? and "
                        + condition + " order by " + order + " fetch first " + (limit - locked.size())
                        + " rows only for update").setParameter(1, status.name());
                for (var row : (List<Object[]>) bind(query, 2, times).getResultList()) {
                    locked.add(new Swept((String) row[0], (String) row[1]));
                }
            }
        }
        return locked;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, int first, Instant... times) {
        for (int i = 0; i < times.length; i++) {
            query.setParameter(first + i, utc(times[i]));
        }
        return query;
    }

    private jakarta.persistence.Query update(CredentialType type, String set, List<String> ids) {
        return em.createQuery("update " + entity(type) + " c set " + set + " where c.id in :ids")
                .setParameter("ids", ids);
    }

    private static String table(CredentialType type) {
        return type == CredentialType.API_KEY ? "api_key" : "personal_access_token";
    }

    private static String entity(CredentialType type) {
        return (type == CredentialType.API_KEY ? ApiKey.class : PersonalAccessToken.class).getSimpleName();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
