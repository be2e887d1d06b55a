package com.meetergo.apiauth.domain.model.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A kind of meeting a user offers (e.g. "Intro call, 30 minutes"). */
@Entity
@Table(name = "meeting_type")
@NamedQuery(
        name = "MeetingType.byOwner",
        query = "select m from MeetingType m where m.ownerId = :ownerId order by m.createdAt, m.slug")
public class MeetingType {

    @Id
    private String id;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(nullable = false)
    private String name;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(nullable = false)
    private String slug;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MeetingType() {}

    public MeetingType(
            String ownerId, String companyId, String name, int durationMinutes, String slug, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.ownerId = ownerId;
        this.companyId = companyId;
        this.name = name;
        this.durationMinutes = durationMinutes;
        this.slug = slug;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String companyId() {
        return companyId;
    }

    public String name() {
        return name;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public String slug() {
        return slug;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
