package com.meetergo.apiauth.domain.model.credential;

import com.meetergo.apiauth.domain.model.user.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Platform API Key: owned by a company, not a user; acts as the user each request names. Only the keyed digest of the
 * secret is kept; the key itself exists once, in the creation response.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(
        name = "ApiKey.byCompany",
        query = "select k from ApiKey k where k.companyId = :companyId order by k.lifecycle.createdAt desc, k.id")
public class ApiKey extends StoredCredential {

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected ApiKey() {}

    public ApiKey(
            String id,
            String companyId,
            String name,
            String secretDigest,
            String hint,
            String createdBy,
            Scopes scopes,
            Instant createdAt,
            Instant expiresAt,
            String rotatedFrom,
            String mintedBy,
            Role authority) {
        super(
                id,
                companyId,
                name,
                secretDigest,
                hint,
                scopes,
                new CredentialLifecycle(createdAt, expiresAt, rotatedFrom, mintedBy, authority));
        this.createdBy = createdBy;
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id() + ", company=" + companyId() + "]";
    }
}
