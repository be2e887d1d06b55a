package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.CredentialSweepRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    public List<Credential> expiredButLive(CredentialType type, Instant now, int limit) {
        return locked(type, "c.lifecycle.status in :live and c.lifecycle.expiresAt <= :now", now, null, limit);
    }

    @Override
    public List<Credential> pastGraceButLive(CredentialType type, Instant now, int limit) {
        return locked(type, "c.lifecycle.status in :live and c.lifecycle.graceUntil <= :now", now, null, limit);
    }

    @Override
    public List<Credential> expiringUnwarned(CredentialType type, Instant now, Instant horizon, int limit) {
        return locked(type, "c.lifecycle.status in :live and c.lifecycle.expiresAt > :now"
                + " and c.lifecycle.expiresAt <= :horizon and c.lifecycle.expiryWarnedAt is null", now, horizon, limit);
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
     * Two steps, because EclipseLink writes "FOR UPDATE LIMIT" for H2, which H2 refuses: pick up to
     * {@code limit} ids, then lock those of them that still match.
     */
    private List<Credential> locked(CredentialType type, String where, Instant now, Instant horizon, int limit) {
        var pick = em.createQuery("select c.id from " + entity(type) + " c where " + where + " order by c.id",
                String.class).setMaxResults(limit);
        var ids = bind(pick, now, horizon).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        var lock = em.createQuery("select c from " + entity(type) + " c where c.id in :ids and " + where,
                Credential.class).setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE);
        return bind(lock, now, horizon).getResultList();
    }

    private static <Q extends jakarta.persistence.Query> Q bind(Q query, Instant now, Instant horizon) {
        query.setParameter("live", LIVE).setParameter("now", now);
        if (horizon != null) {
            query.setParameter("horizon", horizon);
        }
        return query;
    }

    private jakarta.persistence.Query update(CredentialType type, String set, List<String> ids) {
        return em.createQuery("update " + entity(type) + " c set " + set + " where c.id in :ids")
                .setParameter("ids", ids);
    }

    private static String entity(CredentialType type) {
        return (type == CredentialType.API_KEY ? ApiKey.class : PersonalAccessToken.class).getSimpleName();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
