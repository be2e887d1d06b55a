package com.meetergo.apiauth.domain.model.company;

import com.meetergo.apiauth.domain.model.credential.CredentialType;

/**
 * A company's plan, and the one rule that reads it: which credential types the plan includes (the contract's "Plan"
 * column). Personal Access Tokens: Essentials and above; Platform API Keys: Enterprise and API Platform.
 */
public enum Plan {
    FREE,
    ESSENTIALS,
    BUSINESS,
    ENTERPRISE,
    API_PLATFORM;

    /** What a company gets when nobody says otherwise: the sign-up's default and the first start's. */
    public static final Plan DEFAULT = ENTERPRISE;

    public boolean includes(CredentialType type) {
        return switch (type) {
            case PERSONAL_ACCESS_TOKEN -> this != FREE;
            case API_KEY -> this == ENTERPRISE || this == API_PLATFORM;
        };
    }

    /** Why a credential of {@code type} is refused on a plan that does not include it (the API's words, once). */
    public static String exclusionMessage(CredentialType type) {
        return switch (type) {
            case PERSONAL_ACCESS_TOKEN -> "Personal Access Tokens require the Essentials plan or above";
            case API_KEY -> "Platform API Keys require the Enterprise or API Platform plan";
        };
    }
}
