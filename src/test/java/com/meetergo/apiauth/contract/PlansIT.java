package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract's "Plan" column: PATs need Essentials or above, API keys Enterprise or API Platform. A credential its
 * company's plan no longer includes is refused, after its secret is proven, until an upgrade; none is revoked.
 */
public class PlansIT extends ApiTest {

    public static final String PAT_NEEDS_PLAN = "Personal Access Tokens require the Essentials plan or above";
    public static final String KEY_NEEDS_PLAN = "Platform API Keys require the Enterprise or API Platform plan";
    static final String INVALID_PLAN = "plan must be one of FREE, ESSENTIALS, BUSINESS, ENTERPRISE, API_PLATFORM";

    static Answer provision(String planField) {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        return Api.post("/provisioning/companies", """
                {"name": "Plan %s", "owner": {"email": "plan-%s@example.com", "givenName": "P", "familyName": "Lan"}%s}
                """.formatted(tag, tag, planField))
                .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                .send();
    }

    public static Answer changePlan(String companyId, String plan) {
        return Api.put("/provisioning/companies/" + companyId + "/plan", "{\"plan\": \"" + plan + "\"}")
                .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                .send();
    }

    private static void assertJson(Answer answer, int status, String json) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals("application/json", answer.contentType(), answer::toString);
        assertEquals(Json.createReader(new StringReader(json)).readValue(), answer.json(), answer::toString);
    }

    @Test
    void aCompanyIsEnterpriseUnlessProvisionedOtherwise() {
        var tenant = Tenant.create();
        var company = Api.get("/v4/company").bearer(tenant.ownerToken()).send();
        assertEquals("ENTERPRISE", company.string("plan"), company::toString);
        assertJson(company, 200, """
                {"companyId": "%s", "name": "%s", "plan": "ENTERPRISE"}""".formatted(tenant.companyId(), company.string("name")));
        assertTrue(company.string("name").startsWith("Company "), company::toString);
        // any caller of the company, a member too, with either credential
        var member = tenant.user("MEMBER");
        assertEquals(
                "ENTERPRISE",
                Api.get("/v4/company").bearer(tenant.tokenOf(member)).send().string("plan"));
        assertEquals(
                "ENTERPRISE",
                Api.get("/v4/company")
                        .bearer(tenant.apiKey())
                        .actingAs(member)
                        .send()
                        .string("plan"));
    }

    @Test
    void provisioningTakesAPlan() {
        var essentials = provision(", \"plan\": \"ESSENTIALS\"");
        assertStatus(essentials, 201);
        var company =
                Api.get("/v4/company").bearer(essentials.string("ownerToken")).send();
        assertJson(company, 200, """
                {"companyId": "%s", "name": "%s", "plan": "ESSENTIALS"}""".formatted(essentials.string("companyId"), company.string("name")));
        // a plan without PATs: the owner exists, and gets no token
        var free = provision(", \"plan\": \"FREE\"");
        assertStatus(free, 201);
        assertEquals(JsonValue.NULL, free.object().get("ownerToken"), free::toString);
        assertEquals(Set.of("companyId", "ownerId", "ownerToken"), free.object().keySet());
        assertBadRequest(provision(", \"plan\": \"GOLD\""), INVALID_PLAN);
        assertBadRequest(provision(", \"plan\": \"enterprise\""), INVALID_PLAN);
    }

    @Test
    void thePlanIsChangedByTheProvisioningSecretOnly() {
        var tenant = Tenant.create();
        assertJson(changePlan(tenant.companyId(), "ESSENTIALS"), 200, """
                {"companyId": "%s", "plan": "ESSENTIALS"}""".formatted(tenant.companyId()));
        assertBadRequest(changePlan(tenant.companyId(), "PLATINUM"), INVALID_PLAN);
        assertBadRequest(
                Api.put("/provisioning/companies/" + tenant.companyId() + "/plan", "{}")
                        .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                        .send(),
                "plan is required");
        assertError(changePlan(UUID.randomUUID().toString(), "ESSENTIALS"), 404, "Not Found", "Company not found");
        // without the secret: refused before the body is read, whatever the body
        assertError(
                Api.put("/provisioning/companies/" + tenant.companyId() + "/plan", "{\"plan\": \"FREE\"}")
                        .send(),
                401,
                "Unauthorized",
                "Invalid provisioning secret");
        assertError(
                Api.put("/provisioning/companies/" + tenant.companyId() + "/plan", "not json")
                        .header("x-provisioning-secret", "guess")
                        .send(),
                401,
                "Unauthorized",
                "Invalid provisioning secret");
        // and no credential of the company can do it
        assertError(
                Api.put("/provisioning/companies/" + tenant.companyId() + "/plan", "{\"plan\": \"FREE\"}")
                        .bearer(tenant.ownerToken())
                        .send(),
                401,
                "Unauthorized",
                "Invalid provisioning secret");
        assertEquals(
                "ESSENTIALS",
                Api.get("/v4/company").bearer(tenant.ownerToken()).send().string("plan"));

        var audit = Api.get("/v4/audit-event?type=plan_changed")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(audit, 200);
        assertEquals(1, audit.array().size(), audit::toString);
        var event = audit.array().getJsonObject(0);
        assertEquals("plan_changed", event.getString("type"));
        assertEquals("ENTERPRISE -> ESSENTIALS", event.getString("detail"));
        assertEquals(JsonValue.NULL, event.get("credentialId"));
    }

    @Test
    void aKeyOnAPlanWithoutKeysIsRefusedAfterItsSecretIsProvenAndWorksAgainAfterAnUpgrade() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        assertStatus(changePlan(tenant.companyId(), "BUSINESS"), 200);

        assertError(Api.get("/v4/user/me").bearer(key).send(), 403, "Forbidden", KEY_NEEDS_PLAN);
        assertError(
                Api.get("/v4/meeting-type")
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                403,
                "Forbidden",
                KEY_NEEDS_PLAN);
        // the plan is told only to the holder of the right secret, and comes before the user header
        var forged = TokenFormat.newApiKey(new SecureRandom(), key.split(":")[1]);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(forged).send());
        assertError(
                Api.get("/v4/meeting-type").bearer(key).actingAs("not-a-uuid").send(),
                403,
                "Forbidden",
                KEY_NEEDS_PLAN);
        assertError(Api.get("/v4/meeting-type").bearer(key).send(), 403, "Forbidden", KEY_NEEDS_PLAN);
        // PATs are in the plan: they work, and cannot create a key either
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 200);
        assertError(
                Api.post("/v4/api-key", "{\"name\": \"x\", \"expiresInDays\": 1}")
                        .bearer(tenant.ownerToken())
                        .send(),
                403,
                "Forbidden",
                KEY_NEEDS_PLAN);
        // not revoked: listed as it was
        var listed = Api.get("/v4/api-key")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0);
        assertEquals("ACTIVE", listed.getString("status"));

        // counted as the plan's refusals, not as invalid credentials
        var metrics = Api.get("/metrics?scope=application").send().body();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("apiauth_authentications_total{")
                                && l.contains("outcome=\"plan\"")
                                && l.contains("type=\"api-key\"")),
                metrics);

        assertStatus(changePlan(tenant.companyId(), "API_PLATFORM"), 200);
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
    }

    @Test
    void aPatOnTheFreePlanIsRefusedAfterItsSecretIsProvenAndWorksAgainAfterAnUpgrade() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var memberPat = tenant.tokenOf(member);
        assertStatus(changePlan(tenant.companyId(), "FREE"), 200);

        assertError(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 403, "Forbidden", PAT_NEEDS_PLAN);
        // before the PAT's own header rule: naming another user is still the plan's 403
        assertError(
                Api.get("/v4/meeting-type")
                        .bearer(memberPat)
                        .actingAs(tenant.ownerId())
                        .send(),
                403,
                "Forbidden",
                PAT_NEEDS_PLAN);
        assertInvalidCredential(Api.get("/v4/user/me")
                .bearer(TokenFormat.newPat(new SecureRandom()))
                .send());

        assertStatus(changePlan(tenant.companyId(), "ESSENTIALS"), 200);
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 200);
        assertStatus(Api.get("/v4/user/me").bearer(memberPat).send(), 200);
    }
}
