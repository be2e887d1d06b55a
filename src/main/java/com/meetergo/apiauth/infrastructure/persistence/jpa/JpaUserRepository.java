package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.domain.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Override
    public void add(User user) {
        em.persist(user);
        em.flush();
    }

    @Override
    public Optional<User> find(String id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    @Override
    public List<User> ofCompany(String companyId) {
        return em.createNamedQuery("User.byCompany", User.class)
                .setParameter("companyId", companyId)
                .getResultList();
    }

    @Override
    public User ownerOf(String companyId) {
        return em.createNamedQuery("User.ownerOf", User.class)
                .setParameter("companyId", companyId)
                .getSingleResult();
    }

    @Override
    public boolean emailTaken(String email) {
        return em.createNamedQuery("User.countByEmailKey", Long.class)
                        .setParameter("key", User.keyOf(email))
                        .getSingleResult()
                > 0;
    }

    @Override
    public boolean emailTakenIn(String companyId, String email) {
        return em.createNamedQuery("User.countByCompanyAndEmailKey", Long.class)
                        .setParameter("companyId", companyId)
                        .setParameter("key", User.keyOf(email))
                        .getSingleResult()
                > 0;
    }
}
