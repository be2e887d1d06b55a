package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.meeting.Appointment;
import com.meetergo.apiauth.domain.model.meeting.MeetingRepository;
import com.meetergo.apiauth.domain.model.meeting.MeetingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMeetingRepository implements MeetingRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Override
    public void add(MeetingType type) {
        em.persist(type);
    }

    @Override
    public void add(Appointment appointment) {
        em.persist(appointment);
    }

    @Override
    public Optional<MeetingType> findType(String id) {
        return Optional.ofNullable(em.find(MeetingType.class, id));
    }

    @Override
    public List<MeetingType> typesOf(String ownerId) {
        return em.createNamedQuery("MeetingType.byOwner", MeetingType.class)
                .setParameter("ownerId", ownerId)
                .getResultList();
    }

    @Override
    public boolean slugTaken(String ownerId, String slug) {
        return em.createQuery("select count(m) from MeetingType m where m.ownerId = :o and m.slug = :s", Long.class)
                        .setParameter("o", ownerId)
                        .setParameter("s", slug)
                        .getSingleResult()
                > 0;
    }

    @Override
    public List<Appointment> appointmentsOfHost(String hostId) {
        return em.createNamedQuery("Appointment.byHost", Appointment.class)
                .setParameter("hostId", hostId)
                .getResultList();
    }

    @Override
    public List<Appointment> appointmentsOfCompany(String companyId, String hostIdOrNull) {
        if (hostIdOrNull == null) {
            return em.createNamedQuery("Appointment.byCompany", Appointment.class)
                    .setParameter("companyId", companyId)
                    .getResultList();
        }
        return em.createNamedQuery("Appointment.byCompanyAndHost", Appointment.class)
                .setParameter("companyId", companyId)
                .setParameter("hostId", hostIdOrNull)
                .getResultList();
    }
}
