package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPersonalAccessTokenRepository extends JpaCredentialRepository<PersonalAccessToken>
        implements PersonalAccessTokenRepository {

    public JpaPersonalAccessTokenRepository() {
        super(PersonalAccessToken.class);
    }

    @Override
    public Optional<PersonalAccessToken> withDigest(String digest) {
        return em.createNamedQuery("PersonalAccessToken.byDigest", PersonalAccessToken.class)
                .setParameter("digest", digest)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<PersonalAccessToken> ofUser(String userId) {
        return em.createNamedQuery("PersonalAccessToken.byOwner", PersonalAccessToken.class)
                .setParameter("userId", userId)
                .getResultList();
    }
}
