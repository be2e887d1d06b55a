package com.meetergo.apiauth.application;

import com.meetergo.apiauth.application.CredentialActions.Lineage;
import com.meetergo.apiauth.domain.model.company.CompanyRepository;
import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.IpAllowlist;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.model.usage.DailyUsage;
import com.meetergo.apiauth.domain.model.usage.NetworkSource;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.credential.CredentialIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Platform API Keys of the caller's company (who may call this is decided by the resource's roles). */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final CredentialType KIND = CredentialType.API_KEY;

    @Inject
    ApiKeyRepository keys;

    @Inject
    CompanyRepository companies;

    @Inject
    CredentialIssuer issuer;

    @Inject
    CredentialActions actions;

    @Inject
    AuditTrail audit;

    @Inject
    ChangeNotices changes;

    @Inject
    UsageLedger ledger;

    @Inject
    SourceLedger sourceLedger;

    @Inject
    Clock clock;

    /** {@code scopes}: the API's scope names, null for full access; {@code allowedIps}: null or empty for anywhere. */
    public NewKey create(Caller caller, String name, int expiresInDays, List<String> scopes, List<String> allowedIps) {
        var created = issue(
                caller,
                name,
                expiresInDays,
                actions.scopesFor(caller, scopes, null),
                actions.allowlistFor(allowedIps, null),
                null,
                actions.lineage(caller, null));
        audit.recordCreated(created.key(), KIND, caller);
        return created;
    }

    /** The company's keys; with {@code expiringWithinDays}, only the live ones that end within that many days. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> list(Caller caller, Integer expiringWithinDays) {
        return actions.dueWithin(keys.ofCompany(caller.companyId()), expiringWithinDays);
    }

    /** The key's requests per day (a key of the caller's company, else 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DailyUsage> usage(Caller caller, String id, int days) {
        return ledger.lastDays(ofCompany(caller, id).id(), days);
    }

    /** Replaces where the key may be used from (empty: anywhere). */
    public ApiKey allowFrom(Caller caller, String id, List<String> allowedIps) {
        var key = ofCompany(caller, id);
        actions.allowFrom(key, KIND, caller, allowedIps);
        return key;
    }

    /** The networks the key was used from (a key of the caller's company, else 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NetworkSource> sources(Caller caller, String id) {
        return sourceLedger.of(ofCompany(caller, id).id());
    }

    public void revoke(Caller caller, String id) {
        actions.revoke(ofCompany(caller, id), KIND, caller);
    }

    public void deactivate(Caller caller, String id) {
        actions.deactivate(ofCompany(caller, id), KIND, caller);
    }

    public void activate(Caller caller, String id) {
        actions.activate(ofCompany(caller, id), KIND, caller);
    }

    /**
     * A new key with the old one's name, linked to it; the old secret keeps working until the grace period ends (never
     * past its own expiry). The new key lives {@code expiresInDays}, by default as long as the old one was made to
     * live.
     */
    public NewKey rotate(Caller caller, String id, int gracePeriodSeconds, Integer expiresInDays, List<String> scopes) {
        var old = ofCompany(caller, id);
        var graceUntil = actions.graceUntil(old, gracePeriodSeconds);
        int days = expiresInDays != null ? expiresInDays : lifetimeInDays(old);
        var successor = issue(
                caller,
                old.name(),
                days,
                actions.scopesFor(caller, scopes, old),
                actions.allowlistFor(null, old),
                old.id(),
                actions.lineage(caller, old));
        actions.completeRotation(
                keys.markReplaced(old.id(), successor.key().id(), graceUntil), old, successor.key(), KIND, caller);
        return successor;
    }

    private NewKey issue(
            Caller caller,
            String name,
            int expiresInDays,
            Scopes scopes,
            IpAllowlist allowlist,
            String rotatedFrom,
            Lineage lineage) {
        companies
                .find(caller.companyId())
                .orElseThrow(() -> DomainException.notFound("Company"))
                .requireIncluded(KIND);
        var now = clock.instant();
        var issued = issuer.newApiKey();
        var key = new ApiKey(
                issued.id(),
                caller.companyId(),
                name,
                issued.digest(),
                issued.hint(),
                caller.userId(),
                scopes,
                now,
                lineage.bound(now.plus(Duration.ofDays(expiresInDays))),
                rotatedFrom,
                lineage.mintedBy(),
                lineage.authority());
        key.allowFrom(allowlist);
        keys.add(key);
        // every server forgets the id if a guess had it remembered as unknown
        changes.credentialChanged(key.id());
        return new NewKey(key, issued.secret());
    }

    private static int lifetimeInDays(ApiKey key) {
        long days = Duration.between(key.createdAt(), key.expiresAt()).toDays();
        return (int) Math.max(1, Math.min(90, days));
    }

    private ApiKey ofCompany(Caller caller, String id) {
        return keys.find(id)
                .filter(k -> k.companyId().equals(caller.companyId()))
                .orElseThrow(() -> DomainException.notFound("API key"));
    }

    /** A just-created key; {@code secret} is the whole key, shown once. */
    public record NewKey(ApiKey key, String secret) {

        @Override
        public String toString() {
            return "NewKey[id=" + key.id() + "]";
        }
    }
}
