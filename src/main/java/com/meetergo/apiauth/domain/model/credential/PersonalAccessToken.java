package com.meetergo.apiauth.domain.model.credential;

import com.meetergo.apiauth.domain.model.Ids;
import com.meetergo.apiauth.domain.model.user.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Personal Access Token: acts as the user who owns it, with that user's role. Found by the keyed digest of the whole
 * token (the token carries no id); only that digest is stored.
 */
@Entity
@Table(name = "personal_access_token")
@NamedQuery(
        name = "PersonalAccessToken.byDigest",
        query = "select t from PersonalAccessToken t where t.secretDigest = :digest")
@NamedQuery(
        name = "PersonalAccessToken.byOwner",
        query = "select t from PersonalAccessToken t where t.userId = :userId"
                + " order by t.lifecycle.createdAt desc, t.id")
public class PersonalAccessToken extends StoredCredential {

    @Column(name = "user_id", nullable = false)
    private String userId;

    protected PersonalAccessToken() {}

    public PersonalAccessToken(
            String userId,
            String companyId,
            String name,
            String secretDigest,
            String hint,
            Scopes scopes,
            Instant createdAt,
            Instant expiresAt,
            String rotatedFrom,
            String mintedBy,
            Role authority) {
        super(
                Ids.timeOrdered(),
                companyId,
                name,
                secretDigest,
                hint,
                scopes,
                new CredentialLifecycle(createdAt, expiresAt, rotatedFrom, mintedBy, authority));
        this.userId = userId;
    }

    public String userId() {
        return userId;
    }

    @Override
    public String toString() {
        return "PersonalAccessToken[id=" + id() + ", user=" + userId + "]";
    }
}
