package com.meetergo.apiauth.domain.model.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer of the platform: owns its users, its API keys, and everything they create. */
@Entity
@Table(name = "company")
public class Company {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The longest a new PAT of this company may live, in days (null: no limit). */
    @Column(name = "max_pat_lifetime_days")
    private Integer maxPatLifetimeDays;

    protected Company() {
    }

    public Company(String name, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Integer maxPatLifetimeDays() {
        return maxPatLifetimeDays;
    }

    /** From now on, new and rotated PATs live at most {@code days} (null: no limit); existing ones keep theirs. */
    public void limitPatLifetime(Integer days) {
        maxPatLifetimeDays = days;
    }
}
