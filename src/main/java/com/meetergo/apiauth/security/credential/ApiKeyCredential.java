package com.meetergo.apiauth.security.credential;

import jakarta.security.enterprise.credential.Credential;

/** A Platform API Key as sent, with the user the request names (null when it names none). */
public record ApiKeyCredential(String key, String actingUserHeader, String clientAddress) implements Credential {

    @Override
    public String toString() {
        // The header is the client's text: it may hold anything, a secret too. Only a user id is shown.
        return "ApiKeyCredential[key=<hidden>, actingUser="
                + (actingUserHeader == null
                        ? "none"
                        : UserHeader.userId(actingUserHeader).orElse("<not a user id>")) + "]";
    }
}
