package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.domain.model.user.UserRepository;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.credential.CredentialIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@ApplicationScoped
@Transactional
public class PersonalAccessTokenService {

    @Inject
    PersonalAccessTokenRepository tokens;

    @Inject
    UserRepository users;

    @Inject
    CredentialIssuer issuer;

    @Inject
    Clock clock;

    /** A new PAT for the acting user. */
    public NewToken create(Caller caller, String name, Instant expiresAt) {
        var user = users.find(caller.userId()).orElseThrow(() -> DomainException.notFound("User"));
        return issue(user, name, expiresAt);
    }

    NewToken issue(User owner, String name, Instant requestedExpiry) {
        var now = clock.instant();
        // Whole milliseconds, as every time of the API: what the answer shows is what is stored.
        var expiresAt = requestedExpiry == null ? null : requestedExpiry.truncatedTo(ChronoUnit.MILLIS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw DomainException.invalid("expiresAt must be in the future");
        }
        var issued = issuer.newPersonalAccessToken();
        var token = new PersonalAccessToken(owner.id(), owner.companyId(), name, issued.digest(), issued.hint(), now,
                expiresAt);
        tokens.add(token);
        return new NewToken(token, issued.secret());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonalAccessToken> list(Caller caller) {
        return tokens.ofUser(caller.userId());
    }

    /** Revokes one of the caller's own tokens; owners and admins may revoke any of their company's. */
    public void revoke(Caller caller, String id) {
        var token = tokens.find(id)
                .filter(t -> t.userId().equals(caller.userId())
                        || caller.managesCompany() && t.companyId().equals(caller.companyId()))
                .orElseThrow(() -> DomainException.notFound("Personal access token"));
        token.revoke(clock.instant());
    }

    /** A just-created token; {@code secret} is the token itself, shown once. */
    public record NewToken(PersonalAccessToken token, String secret) {

        @Override
        public String toString() {
            return "NewToken[id=" + token.id() + "]";
        }
    }
}
