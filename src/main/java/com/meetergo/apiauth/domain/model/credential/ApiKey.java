package com.meetergo.apiauth.domain.model.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Platform API Key: owned by a company, not a user; acts as the user each request names.
 * Only the keyed digest of the secret is kept; the key itself exists once, in the creation response.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = "ApiKey.byCompany",
        query = "select k from ApiKey k where k.companyId = :companyId order by k.createdAt desc, k.id")
public class ApiKey {

    @Id
    private String id;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    private String name;

    @Column(name = "secret_digest", nullable = false)
    private String secretDigest;

    @Column(nullable = false)
    private String hint;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String id, String companyId, String name, String secretDigest, String hint, String createdBy,
            Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.companyId = companyId;
        this.name = name;
        this.secretDigest = secretDigest;
        this.hint = hint;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String companyId() {
        return companyId;
    }

    public String name() {
        return name;
    }

    public String secretDigest() {
        return secretDigest;
    }

    public String hint() {
        return hint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public CredentialStatus statusAt(Instant now) {
        return CredentialStatus.at(now, expiresAt, revokedAt);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", company=" + companyId + "]";
    }
}
