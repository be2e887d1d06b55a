package com.meetergo.apiauth.security;

public enum CredentialType {
    PERSONAL_ACCESS_TOKEN, API_KEY
}
