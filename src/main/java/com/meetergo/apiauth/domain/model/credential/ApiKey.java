package com.meetergo.apiauth.domain.model.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
        query = "select k from ApiKey k where k.companyId = :companyId order by k.lifecycle.createdAt desc, k.id")
@NamedQuery(name = "ApiKey.markReplaced",
        query = "update ApiKey k set k.lifecycle.replacedBy = :successor, k.lifecycle.graceUntil = :graceUntil"
                + " where k.id = :id and k.lifecycle.replacedBy is null"
                + " and k.lifecycle.status = com.meetergo.apiauth.domain.model.credential.CredentialStatus.ACTIVE")
@NamedQuery(name = "ApiKey.recordUse",
        query = "update ApiKey k set k.lifecycle.lastUsedAt = :now, k.lifecycle.lastUsedIp = :ip where k.id = :id"
                + " and (k.lifecycle.lastUsedAt is null or k.lifecycle.lastUsedAt <= :after)")
@NamedQuery(name = "ApiKey.mintedBy",
        query = "select k from ApiKey k where k.lifecycle.mintedBy = :creator")
public class ApiKey extends StoredCredential {

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected ApiKey() {
    }

    public ApiKey(String id, String companyId, String name, String secretDigest, String hint, String createdBy,
            Scopes scopes, Instant createdAt, Instant expiresAt, String rotatedFrom, String mintedBy) {
        super(id, companyId, name, secretDigest, hint, scopes,
                new CredentialLifecycle(createdAt, expiresAt, rotatedFrom, mintedBy));
        this.createdBy = createdBy;
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id() + ", company=" + companyId() + "]";
    }
}
