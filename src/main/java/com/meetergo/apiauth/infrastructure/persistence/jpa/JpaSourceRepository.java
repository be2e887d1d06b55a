package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.usage.NetworkSource;
import com.meetergo.apiauth.domain.model.usage.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaSourceRepository implements SourceRepository {

    private static final String ADD = "update NetworkSource s set s.requests = s.requests + :requests"
            + " where s.credentialId = :id and s.network = :network";

    @PersistenceContext(unitName = "apiauth")
    EntityManager em;

    @Override
    public boolean addIfStale(
            String credentialId, String network, Instant lastSeen, long requests, Instant staleBefore) {
        boolean stale = em.createQuery(ADD + " and s.lastSeen < :staleBefore")
                        .setParameter("requests", requests)
                        .setParameter("id", credentialId)
                        .setParameter("network", network)
                        .setParameter("staleBefore", staleBefore)
                        .executeUpdate()
                == 1;
        if (stale) {
            moveLastSeen(credentialId, network, lastSeen);
        }
        return stale;
    }

    @Override
    public boolean addTo(String credentialId, String network, Instant lastSeen, long requests) {
        boolean found = em.createQuery(ADD)
                        .setParameter("requests", requests)
                        .setParameter("id", credentialId)
                        .setParameter("network", network)
                        .executeUpdate()
                == 1;
        if (found) {
            moveLastSeen(credentialId, network, lastSeen);
        }
        return found;
    }

    /** Later only: another server may have stored a later use already. */
    private void moveLastSeen(String credentialId, String network, Instant lastSeen) {
        em.createQuery("update NetworkSource s set s.lastSeen = :lastSeen where s.credentialId = :id"
                        + " and s.network = :network and s.lastSeen < :lastSeen")
                .setParameter("lastSeen", lastSeen)
                .setParameter("id", credentialId)
                .setParameter("network", network)
                .executeUpdate();
    }

    @Override
    public void insert(NetworkSource source) {
        em.persist(source);
        em.flush();
    }

    @Override
    public List<NetworkSource> ofCredential(String credentialId) {
        return em.createQuery(
                        "select s from NetworkSource s where s.credentialId = :id"
                                + " order by s.lastSeen desc, s.network",
                        NetworkSource.class)
                .setParameter("id", credentialId)
                .getResultList();
    }

    @Override
    public int keepLatest(String credentialId, int max) {
        var beyond = em.createQuery(
                        "select s.network from NetworkSource s where s.credentialId = :id"
                                + " order by s.lastSeen desc, s.network",
                        String.class)
                .setParameter("id", credentialId)
                .setFirstResult(max)
                .getResultList();
        if (beyond.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from NetworkSource s where s.credentialId = :id and s.network in :networks")
                .setParameter("id", credentialId)
                .setParameter("networks", beyond)
                .executeUpdate();
    }

    @Override
    public int pruneBefore(Instant instant) {
        return em.createQuery("delete from NetworkSource s where s.lastSeen < :instant")
                .setParameter("instant", instant)
                .executeUpdate();
    }
}
