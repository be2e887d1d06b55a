package com.meetergo.apiauth.security.credential;

import jakarta.security.enterprise.credential.Credential;

/** A Personal Access Token as sent, with the user header if the request sent one (it must not). */
public record PersonalAccessTokenCredential(String token, String actingUserHeader, String clientAddress)
        implements Credential {

    @Override
    public String toString() {
        // The header is the client's text: it may hold anything, a secret too. Only a user id is shown.
        return "PersonalAccessTokenCredential[token=<hidden>, actingUser="
                + (actingUserHeader == null
                        ? "none"
                        : UserHeader.userId(actingUserHeader).orElse("<not a user id>")) + "]";
    }
}
