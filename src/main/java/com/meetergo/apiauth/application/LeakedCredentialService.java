package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.security.credential.SecretDigester;
import com.meetergo.apiauth.security.credential.TokenFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Kills leaked credentials on anybody's word, as GitHub's credential revocation API does: whoever holds a credential
 * may revoke it. Values with a wrong format or checksum are skipped without a query; the caller learns how many values
 * were well-formed, never which ones matched.
 */
@ApplicationScoped
@Transactional
public class LeakedCredentialService {

    @Inject
    ApiKeyRepository keys;

    @Inject
    PersonalAccessTokenRepository tokens;

    @Inject
    SecretDigester digester;

    @Inject
    AuditTrail audit;

    @Inject
    CredentialActions actions;

    @Inject
    ChangeNotices changes;

    @Inject
    Clock clock;

    /** Returns how many of the values were well-formed credentials (matched or not). */
    public int report(List<String> values) {
        int wellFormed = 0;
        for (var value : values) {
            if (value == null) {
                continue;
            }
            var credential = value.strip();
            if (TokenFormat.isWellFormedPat(credential)) {
                wellFormed++;
                var digest = digester.digest(credential);
                tokens.withDigest(digest).ifPresent(t -> revoke(t, CredentialType.PERSONAL_ACCESS_TOKEN));
            } else {
                var keyId = TokenFormat.apiKeyId(credential);
                if (keyId.isPresent()) {
                    wellFormed++;
                    var digest = digester.digest(credential);
                    keyId.flatMap(keys::find)
                            .filter(k -> SecretDigester.same(digest, k.secretDigest()))
                            .ifPresent(k -> revoke(k, CredentialType.API_KEY));
                }
            }
        }
        return wellFormed;
    }

    /** Revokes the leaked credential if it still lives, and in any case what it minted. */
    private void revoke(Credential credential, CredentialType kind) {
        var status = credential.statusAt(clock.instant());
        if (status == CredentialStatus.ACTIVE || status == CredentialStatus.DEACTIVATED) {
            credential.revoke(clock.instant());
            changes.credentialChanged(credential.id());
            audit.recordAnonymous(AuditEventType.REVOKED_LEAKED, credential, kind);
        }
        actions.revokeMintedBy(credential);
    }
}
