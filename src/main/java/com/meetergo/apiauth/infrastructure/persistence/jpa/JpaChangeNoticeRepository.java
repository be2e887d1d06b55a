package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.change.ChangeNotice;
import com.meetergo.apiauth.domain.model.change.ChangeNoticeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaChangeNoticeRepository implements ChangeNoticeRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ChangeNotice notice) {
        em.persist(notice);
    }

    @Override
    public List<ChangeNotice> since(Instant since) {
        return em.createNamedQuery("ChangeNotice.since", ChangeNotice.class).setParameter("since", since)
                .getResultList();
    }

    @Override
    @Transactional
    public int deleteBefore(Instant before) {
        return em.createNamedQuery("ChangeNotice.deleteBefore").setParameter("before", before).executeUpdate();
    }
}
