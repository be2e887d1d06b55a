package com.meetergo.apiauth.domain.model.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;

/**
 * The one home of what PATs and API keys store alike: id, company, name, the keyed digest of the secret (never the
 * secret), its hint, the {@link CredentialLifecycle}, the {@link Scopes} and the {@link IpAllowlist}. Each table has
 * these columns under the same names; the subclasses add only what differs (a PAT's owner, a key's creator).
 */
@MappedSuperclass
public abstract class StoredCredential implements Credential {

    @Id
    private String id;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    private String name;

    @Column(name = "secret_digest")
    private String secretDigest;

    @Column(nullable = false)
    private String hint;

    /** Null is full access; else the sorted scope names, space-separated ({@link Scopes#stored()}). */
    @Column(name = "scopes")
    private String scopes;

    /** Null is anywhere; else the canonical entries, space-separated ({@link IpAllowlist#stored()}). */
    @Column(name = "allowed_ips")
    private String allowedIps;

    @Embedded
    private CredentialLifecycle lifecycle;

    /** Parsed once per loaded row: cached credentials answer every request. */
    @Transient
    private volatile Scopes parsedScopes;

    @Transient
    private volatile IpAllowlist parsedAllowedIps;

    protected StoredCredential() {}

    protected StoredCredential(
            String id,
            String companyId,
            String name,
            String secretDigest,
            String hint,
            Scopes scopes,
            CredentialLifecycle lifecycle) {
        this.id = id;
        this.companyId = companyId;
        this.name = name;
        this.secretDigest = secretDigest;
        this.hint = hint;
        this.scopes = scopes.stored();
        this.parsedScopes = scopes;
        this.lifecycle = lifecycle;
    }

    @Override
    public String id() {
        return id;
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
    public Scopes scopes() {
        var parsed = parsedScopes;
        if (parsed == null) {
            parsed = Scopes.fromStored(scopes);
            parsedScopes = parsed;
        }
        return parsed;
    }

    @Override
    public IpAllowlist allowedIps() {
        var parsed = parsedAllowedIps;
        if (parsed == null) {
            parsed = IpAllowlist.fromStored(allowedIps);
            parsedAllowedIps = parsed;
        }
        return parsed;
    }

    /** Replaces where the credential may be used from (anywhere: {@link IpAllowlist#ANYWHERE}). */
    public void allowFrom(IpAllowlist allowlist) {
        this.allowedIps = allowlist.stored();
        this.parsedAllowedIps = allowlist;
    }

    @Override
    public CredentialLifecycle lifecycle() {
        return lifecycle;
    }
}
