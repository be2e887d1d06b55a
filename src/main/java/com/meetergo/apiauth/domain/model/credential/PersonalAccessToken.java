package com.meetergo.apiauth.domain.model.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
        query = "select t from PersonalAccessToken t where t.userId = :userId"
                + " order by t.lifecycle.createdAt desc, t.id")
@NamedQuery(name = "PersonalAccessToken.markReplaced",
        query = "update PersonalAccessToken t set t.lifecycle.replacedBy = :successor,"
                + " t.lifecycle.graceUntil = :graceUntil where t.id = :id and t.lifecycle.replacedBy is null"
                + " and t.lifecycle.status = com.meetergo.apiauth.domain.model.credential.CredentialStatus.ACTIVE")
@NamedQuery(name = "PersonalAccessToken.recordUse",
        query = "update PersonalAccessToken t set t.lifecycle.lastUsedAt = :now, t.lifecycle.lastUsedIp = :ip"
                + " where t.id = :id and (t.lifecycle.lastUsedAt is null or t.lifecycle.lastUsedAt <= :after)")
@NamedQuery(name = "PersonalAccessToken.mintedBy",
        query = "select t from PersonalAccessToken t where t.lifecycle.mintedBy = :creator")
public class PersonalAccessToken implements Credential {

    @Id
    private String id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_digest", unique = true)
    private String secretDigest;

    @Column(nullable = false)
    private String hint;

    @Embedded
    private CredentialLifecycle lifecycle;

    protected PersonalAccessToken() {
    }

    public PersonalAccessToken(String userId, String companyId, String name, String secretDigest, String hint,
            Instant createdAt, Instant expiresAt, String rotatedFrom, String mintedBy) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.companyId = companyId;
        this.name = name;
        this.secretDigest = secretDigest;
        this.hint = hint;
        this.lifecycle = new CredentialLifecycle(createdAt, expiresAt, rotatedFrom, mintedBy);
    }

    @Override
    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    @Override
    public String companyId() {
        return companyId;
    }

    public String name() {
        return name;
    }

    @Override
    public String secretDigest() {
        return secretDigest;
    }

    public String hint() {
        return hint;
    }

    @Override
    public CredentialLifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public String toString() {
        return "PersonalAccessToken[id=" + id + ", user=" + userId + "]";
    }
}
