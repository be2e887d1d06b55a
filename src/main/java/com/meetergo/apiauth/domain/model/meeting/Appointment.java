package com.meetergo.apiauth.domain.model.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A booked meeting of a host's meeting type with a guest. */
@Entity
@Table(name = "appointment")
@NamedQuery(
        name = "Appointment.byHost",
        query = "select a from Appointment a where a.hostId = :hostId order by a.startAt, a.id")
@NamedQuery(
        name = "Appointment.byCompany",
        query = "select a from Appointment a where a.companyId = :companyId order by a.startAt, a.id")
@NamedQuery(
        name = "Appointment.byCompanyAndHost",
        query = "select a from Appointment a where a.companyId = :companyId and a.hostId = :hostId "
                + "order by a.startAt, a.id")
public class Appointment {

    @Id
    private String id;

    @Column(name = "meeting_type_id", nullable = false)
    private String meetingTypeId;

    @Column(name = "host_id", nullable = false)
    private String hostId;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Column(name = "guest_email", nullable = false)
    private String guestEmail;

    protected Appointment() {}

    public Appointment(MeetingType type, Instant startAt, String guestEmail) {
        this.id = UUID.randomUUID().toString();
        this.meetingTypeId = type.id();
        this.hostId = type.ownerId();
        this.companyId = type.companyId();
        this.startAt = startAt;
        this.endAt = startAt.plusSeconds(60L * type.durationMinutes());
        this.guestEmail = guestEmail;
    }

    public String id() {
        return id;
    }

    public String meetingTypeId() {
        return meetingTypeId;
    }

    public String hostId() {
        return hostId;
    }

    public String companyId() {
        return companyId;
    }

    public Instant startAt() {
        return startAt;
    }

    public Instant endAt() {
        return endAt;
    }

    public String guestEmail() {
        return guestEmail;
    }
}
