package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPersonalAccessTokenRepository implements PersonalAccessTokenRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Override
    public boolean markReplaced(String id, String successorId, java.time.Instant graceUntil) {
        return em.createNamedQuery("PersonalAccessToken.markReplaced").setParameter("id", id).setParameter("successor", successorId)
                .setParameter("graceUntil", graceUntil).executeUpdate() == 1;
    }

    @Override
    public void recordUse(String id, java.time.Instant now, String ip, java.time.Instant unlessUsedAfter) {
        em.createNamedQuery("PersonalAccessToken.recordUse").setParameter("id", id).setParameter("now", now).setParameter("ip", ip)
                .setParameter("after", unlessUsedAfter).executeUpdate();
    }

    @Override
    public void add(PersonalAccessToken token) {
        em.persist(token);
    }

    @Override
    public Optional<PersonalAccessToken> find(String id) {
        return Optional.ofNullable(em.find(PersonalAccessToken.class, id));
    }

    @Override
    public Optional<PersonalAccessToken> withDigest(String digest) {
        return em.createNamedQuery("PersonalAccessToken.byDigest", PersonalAccessToken.class)
                .setParameter("digest", digest).getResultStream().findFirst();
    }

    @Override
    public List<PersonalAccessToken> ofUser(String userId) {
        return em.createNamedQuery("PersonalAccessToken.byOwner", PersonalAccessToken.class)
                .setParameter("userId", userId).getResultList();
    }

    @Override
    public List<PersonalAccessToken> mintedBy(String creatorId) {
        return em.createNamedQuery("PersonalAccessToken.mintedBy", PersonalAccessToken.class).setParameter("creator", creatorId).getResultList();
    }
}
