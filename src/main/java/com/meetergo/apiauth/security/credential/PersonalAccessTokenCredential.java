package com.meetergo.apiauth.security.credential;

import jakarta.security.enterprise.credential.Credential;

/** A Personal Access Token as sent, with the user header if the request sent one (it must not). */
public record PersonalAccessTokenCredential(String token, String actingUserHeader) implements Credential {

    @Override
    public String toString() {
        return "PersonalAccessTokenCredential[token=<hidden>, actingUserHeader=" + actingUserHeader + "]";
    }
}
