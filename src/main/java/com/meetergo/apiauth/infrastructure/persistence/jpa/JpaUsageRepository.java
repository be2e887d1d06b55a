package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.usage.DailyUsage;
import com.meetergo.apiauth.domain.model.usage.UsageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class JpaUsageRepository implements UsageRepository {

    @PersistenceContext(unitName = "apiauth")
    EntityManager em;

    @Override
    public boolean addTo(String credentialId, LocalDate day, long success, long refused, long failed) {
        return em.createQuery("update DailyUsage u set u.success = u.success + :success,"
                                + " u.refused = u.refused + :refused, u.failed = u.failed + :failed"
                                + " where u.credentialId = :id and u.day = :day")
                        .setParameter("success", success)
                        .setParameter("refused", refused)
                        .setParameter("failed", failed)
                        .setParameter("id", credentialId)
                        .setParameter("day", day)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void insert(DailyUsage usage) {
        em.persist(usage);
        em.flush();
    }

    @Override
    public List<DailyUsage> between(String credentialId, LocalDate from, LocalDate to) {
        return em.createQuery(
                        "select u from DailyUsage u where u.credentialId = :id and u.day >= :from"
                                + " and u.day <= :to order by u.day",
                        DailyUsage.class)
                .setParameter("id", credentialId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    @Override
    public int pruneBefore(LocalDate day) {
        return em.createQuery("delete from DailyUsage u where u.day < :day")
                .setParameter("day", day)
                .executeUpdate();
    }

    @Override
    public boolean servedBefore(String credentialId, LocalDate day) {
        return !em.createQuery(
                        "select u.day from DailyUsage u where u.credentialId = :id and u.day < :day"
                                + " and u.success > 0",
                        LocalDate.class)
                .setParameter("id", credentialId)
                .setParameter("day", day)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
