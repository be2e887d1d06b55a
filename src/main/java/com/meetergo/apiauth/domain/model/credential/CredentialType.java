package com.meetergo.apiauth.domain.model.credential;

public enum CredentialType {
    PERSONAL_ACCESS_TOKEN,
    API_KEY
}
