package com.meetergo.apiauth.domain.model.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A Personal Access Token: acts as the user who owns it, with that user's role. Found by the keyed
 * digest of the whole token (the token carries no id); only that digest is stored.
 */
@Entity
@Table(name = "personal_access_token")
@NamedQuery(name = "PersonalAccessToken.byDigest",
        query = "select t from PersonalAccessToken t where t.secretDigest = :digest")
@NamedQuery(name = "PersonalAccessToken.byOwner",
        query = "select t from PersonalAccessToken t where t.userId = :userId order by t.createdAt desc, t.id")
public class PersonalAccessToken {

    @Id
    private String id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_digest", nullable = false, unique = true)
    private String secretDigest;

    @Column(nullable = false)
    private String hint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected PersonalAccessToken() {
    }

    public PersonalAccessToken(String userId, String companyId, String name, String secretDigest, String hint,
            Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.companyId = companyId;
        this.name = name;
        this.secretDigest = secretDigest;
        this.hint = hint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
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
        return "PersonalAccessToken[id=" + id + ", user=" + userId + "]";
    }
}
