package com.meetergo.apiauth.security.credential;

import jakarta.security.enterprise.credential.Credential;

/** A Platform API Key as sent, with the user the request names (null when it names none). */
public record ApiKeyCredential(String key, String actingUserHeader) implements Credential {

    @Override
    public String toString() {
        return "ApiKeyCredential[key=<hidden>, actingUserHeader=" + actingUserHeader + "]";
    }
}
