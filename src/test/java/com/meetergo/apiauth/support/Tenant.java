package com.meetergo.apiauth.support;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;

import java.util.UUID;

/**
 * A fresh company made through the provisioning endpoint, with helpers to add keys and users. Every test makes its own,
 * so tests share no data and run in any order.
 */
public record Tenant(String companyId, String ownerId, String ownerToken) {

    public static final String PROVISIONING_SECRET = "it-provisioning-secret-0123456789abcdef";

    public static Tenant create() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var answer = Api.post("/provisioning/companies", """
                {"name": "Company %s", "owner": {"email": "owner-%s@example.com", "givenName": "Olivia", "familyName": "Owner"}}
                """.formatted(tag, tag))
                .header("x-provisioning-secret", PROVISIONING_SECRET)
                .send();
        assertStatus(answer, 201);
        return new Tenant(answer.string("companyId"), answer.string("ownerId"), answer.string("ownerToken"));
    }

    /** A new API key of this company, created with the owner's PAT. */
    public String apiKey() {
        var answer = Api.post("/v4/api-key", "{\"name\": \"test\", \"expiresInDays\": 30}")
                .bearer(ownerToken)
                .send();
        assertStatus(answer, 201);
        return answer.string("key");
    }

    /** A new user of this company with the given role (ADMIN or MEMBER); returns its id. */
    public String user(String role) {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var answer = Api.post("/v4/user", """
                {"email": "%s-%s@example.com", "givenName": "Test", "familyName": "%s", "role": "%s"}
                """.formatted(role.toLowerCase(), tag, role, role))
                .bearer(apiKey())
                .send();
        assertStatus(answer, 201);
        return answer.string("userId");
    }

    /** A new PAT of the given user, made through an API key acting as that user. */
    public String tokenOf(String userId) {
        var answer = Api.post("/v4/personal-access-token", "{\"name\": \"test\"}")
                .bearer(apiKey())
                .actingAs(userId)
                .send();
        assertStatus(answer, 201);
        return answer.string("token");
    }
}
