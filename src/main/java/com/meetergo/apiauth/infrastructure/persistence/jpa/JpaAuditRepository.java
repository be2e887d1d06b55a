package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.audit.AuditEvent;
import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.audit.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Override
    public void add(AuditEvent event) {
        em.persist(event);
    }

    @Override
    public boolean exists(AuditEventType type, String credentialId, String subjectUserId, Instant periodStart) {
        return !em.createQuery("select e.id from AuditEvent e where e.type = :type and e.credentialId = :credentialId"
                + " and e.subjectUserId = :subject and e.periodStart = :period", String.class)
                .setParameter("type", type).setParameter("credentialId", credentialId)
                .setParameter("subject", subjectUserId).setParameter("period", periodStart).setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public List<AuditEvent> ofCompany(String companyId, String credentialId, AuditEventType type, Instant from,
            Instant to, int offset, int limit) {
        var jpql = new StringBuilder("select e from AuditEvent e where e.companyId = :companyId");
        if (credentialId != null) {
            jpql.append(" and e.credentialId = :credentialId");
        }
        if (type != null) {
            jpql.append(" and e.type = :type");
        }
        if (from != null) {
            jpql.append(" and e.occurredAt >= :from");
        }
        if (to != null) {
            jpql.append(" and e.occurredAt < :to");
        }
        jpql.append(" order by e.occurredAt desc, e.id");
        var query = em.createQuery(jpql.toString(), AuditEvent.class).setParameter("companyId", companyId)
                .setFirstResult(offset).setMaxResults(limit);
        if (credentialId != null) {
            query.setParameter("credentialId", credentialId);
        }
        if (type != null) {
            query.setParameter("type", type);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query.getResultList();
    }
}
