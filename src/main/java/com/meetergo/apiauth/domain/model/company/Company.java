package com.meetergo.apiauth.domain.model.company;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Plan plan;

    /** The longest a new PAT of this company may live, in days (null: no limit). */
    @Column(name = "max_pat_lifetime_days")
    private Integer maxPatLifetimeDays;

    protected Company() {}

    public Company(String name, Plan plan, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.plan = plan;
        this.createdAt = createdAt;
    }

    public Plan plan() {
        return plan;
    }

    /** The credentials the new plan excludes are refused from now on, not revoked: an upgrade brings them back. */
    public void changePlan(Plan newPlan) {
        plan = newPlan;
    }

    /** Refuses a credential type this company's plan does not include (403, the contract's plan rule). */
    public void requireIncluded(CredentialType type) {
        if (!plan.includes(type)) {
            throw DomainException.forbidden(Plan.exclusionMessage(type));
        }
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
