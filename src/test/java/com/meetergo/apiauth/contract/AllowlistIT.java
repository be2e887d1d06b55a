package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * IP allowlists from both sides: the holder of a fenced credential's secret, calling from the IPv4 loopback or the IPv6
 * one (two addresses of this machine), and the company managing the fence. Every refusal is compared whole; the fence
 * comes after the secret and the status, before the plan and the user header; a forwarded-for header from an untrusted
 * peer does not move it. Reaching the other server within a second: TwoServersIT (PostgreSQL run).
 */
@ExtendWith(ArquillianExtension.class)
public class AllowlistIT {

    public static final String NOT_ALLOWED = "Credential not allowed from this IP address";

    private static final String V4 = "http://127.0.0.1:" + TestPorts.http();

    private static final String V6 = "http://[::1]:" + TestPorts.http();

    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(ApiTest.NO_ADDRESS_THROTTLE, "apiauth.usage.flush-interval=PT0.5S");
    }

    private static void assertNotAllowed(Answer answer) {
        assertError(answer, 403, "Forbidden", NOT_ALLOWED);
    }

    private static JsonArray array(String... entries) {
        var builder = Json.createArrayBuilder();
        for (var entry : entries) {
            builder.add(entry);
        }
        return builder.build();
    }

    private static Answer createKey(Tenant tenant, String allowedIps) {
        return Api.post(
                        "/v4/api-key",
                        "{\"name\": \"fenced\", \"expiresInDays\": 30, \"allowedIps\": " + allowedIps + "}")
                .bearer(tenant.ownerToken())
                .send();
    }

    private static JsonObject listedKey(Tenant tenant, String id) {
        return Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aKeyFencedToTheIpv4LoopbackIsRefusedFromTheIpv6OneOnceItsSecretIsProven() {
        var tenant = Tenant.create();
        var created = createKey(tenant, "[\"127.0.0.1\"]");
        assertStatus(created, 201);
        assertEquals(array("127.0.0.1"), created.object().getJsonArray("allowedIps"), created::toString);
        var key = created.string("key");
        var id = created.string("id");

        assertStatus(
                Api.get("/v4/user/me")
                        .on(V4)
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                200);
        assertNotAllowed(Api.get("/v4/user/me")
                .on(V6)
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send());
        // the fence before the user header: from outside, not even a foreign user's 500 or a malformed header's 400
        assertNotAllowed(Api.get("/v4/user/me")
                .on(V6)
                .bearer(key)
                .actingAs(UUID.randomUUID().toString())
                .send());
        assertNotAllowed(
                Api.get("/v4/user/me").on(V6).bearer(key).actingAs("not-a-uuid").send());
        // and before the scope and the role: every endpoint answers the same
        assertNotAllowed(Api.get("/v4/audit-event")
                .on(V6)
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send());
        // a wrong secret for the fenced id is a wrong secret wherever it comes from
        assertInvalidCredential(Api.get("/v4/user/me")
                .on(V6)
                .bearer(TokenFormat.newApiKey(RANDOM, id))
                .actingAs(tenant.ownerId())
                .send());

        assertEquals(array("127.0.0.1"), listedKey(tenant, id).getJsonArray("allowedIps"));
        // counted as refused (the secret was right): three from outside
        UsageIT.awaitJson(
                () -> Api.get("/v4/api-key/" + id + "/usage?days=1")
                        .bearer(tenant.ownerToken())
                        .send(),
                """
                {"credentialId": "%s", "days": [{"date": "%s", "success": 1, "refused": 4, "failed": 1}]}""".formatted(id, UsageIT.today()));
    }

    @Test
    void theStatusComesFirstAndThePlanAfterTheFence() {
        var tenant = Tenant.create();
        var created = createKey(tenant, "[\"::1\"]");
        var key = created.string("key");
        var id = created.string("id");
        assertStatus(
                Api.get("/v4/user/me")
                        .on(V6)
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                200);
        assertStatus(
                Api.post("/v4/api-key/" + id + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        assertUnauthorized(
                Api.get("/v4/user/me")
                        .on(V4)
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                "API key has been deactivated");
        assertStatus(
                Api.post("/v4/api-key/" + id + "/activate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        // a plan without API keys: from outside the fence the holder learns only the fence
        assertStatus(
                Api.put("/provisioning/companies/" + tenant.companyId() + "/plan", "{\"plan\": \"ESSENTIALS\"}")
                        .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                        .send(),
                200);
        assertNotAllowed(Api.get("/v4/user/me")
                .on(V4)
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send());
        assertError(
                Api.get("/v4/user/me")
                        .on(V6)
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                403,
                "Forbidden",
                "Platform API Keys require the Enterprise or API Platform plan");
    }

    @Test
    void aTokenFencedToTheIpv6LoopbackAndEveryFormOfEntry() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/personal-access-token", """
                {"name": "fenced", "allowedIps": ["::1/128", "2001:DB8:0::/32", " 192.0.2.0/24", "::1/128"]}""")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(created, 201);
        // canonical, once, in the order given
        assertEquals(
                array("::1/128", "2001:db8::/32", "192.0.2.0/24"),
                created.object().getJsonArray("allowedIps"));
        var token = created.string("token");
        assertStatus(Api.get("/v4/user/me").on(V6).bearer(token).send(), 200);
        assertNotAllowed(Api.get("/v4/user/me").on(V4).bearer(token).send());
        // a PAT naming another user is refused for the fence first, from outside
        assertNotAllowed(Api.get("/v4/user/me")
                .on(V4)
                .bearer(token)
                .actingAs(UUID.randomUUID().toString())
                .send());
        var listed = Api.get("/v4/personal-access-token").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(created.string("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(array("::1/128", "2001:db8::/32", "192.0.2.0/24"), listed.getJsonArray("allowedIps"));
        // unfenced credentials list an empty array
        assertEquals(
                array(),
                Api.get("/v4/personal-access-token").bearer(tenant.ownerToken()).send().array().stream()
                        .map(v -> v.asJsonObject())
                        .filter(o -> !o.getString("id").equals(created.string("id")))
                        .findFirst()
                        .orElseThrow()
                        .getJsonArray("allowedIps"));
    }

    @Test
    void replacingTheListTakesEffectOnTheNextRequestAndIsAudited() {
        var tenant = Tenant.create();
        var created = createKey(tenant, "[]");
        var key = created.string("key");
        var id = created.string("id");
        assertEquals(array(), created.object().getJsonArray("allowedIps"));
        assertStatus(
                Api.get("/v4/user/me")
                        .on(V6)
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                200);

        var fenced = Api.put("/v4/api-key/" + id + "/allowed-ips", "{\"allowedIps\": [\"127.0.0.0/8\"]}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(fenced, 200);
        assertEquals(listedKey(tenant, id), fenced.object(), "answers the key as the list shows it");
        assertEquals(array("127.0.0.0/8"), fenced.object().getJsonArray("allowedIps"));
        assertNotAllowed(Api.get("/v4/user/me")
                .on(V6)
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send());
        assertStatus(
                Api.get("/v4/user/me")
                        .on(V4)
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                200);

        assertStatus(
                Api.put("/v4/api-key/" + id + "/allowed-ips", "{\"allowedIps\": []}")
                        .bearer(tenant.ownerToken())
                        .send(),
                200);
        assertStatus(
                Api.get("/v4/user/me")
                        .on(V6)
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                200);

        var events = Api.get("/v4/audit-event?credentialId=" + id + "&type=allowed_ips_changed")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(events, 200);
        var details = events.array().stream()
                .map(v -> v.asJsonObject().getString("detail"))
                .toList();
        assertEquals(List.of("allowedIps: anywhere", "allowedIps: [127.0.0.0/8]"), details, events::toString);
        // a rotation keeps the fence, and says so in the successor's creation event
        assertStatus(
                Api.put("/v4/api-key/" + id + "/allowed-ips", "{\"allowedIps\": [\"::1\"]}")
                        .bearer(tenant.ownerToken())
                        .send(),
                200);
        var rotated = Api.post("/v4/api-key/" + id + "/rotate", "{}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(rotated, 201);
        assertEquals(array("::1"), rotated.object().getJsonArray("allowedIps"));
        assertNotAllowed(Api.get("/v4/user/me")
                .on(V4)
                .bearer(rotated.string("key"))
                .actingAs(tenant.ownerId())
                .send());
        var creation = Api.get("/v4/audit-event?credentialId=" + rotated.string("id") + "&type=created")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0);
        assertEquals("scopes: full access; allowedIps: [::1]", creation.getString("detail"));
    }

    @Test
    void entriesThatAreNoAddressOrRangeAreNamedBack() {
        var tenant = Tenant.create();
        assertBadRequest(
                createKey(tenant, "[\"10.0.0.0/8\", \"example.com\"]"),
                "allowedIps entry 'example.com' is not an IPv4 or IPv6 address or CIDR range");
        assertBadRequest(
                Api.post("/v4/personal-access-token", "{\"name\": \"x\", \"allowedIps\": [\"10.0.0.1/8\"]}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "allowedIps entry '10.0.0.1/8' has bits set after its prefix: the range is 10.0.0.0/8");
        var id = createKey(tenant, "[]").string("id");
        for (var entry : List.of("10.0.0.*", "10.0.0.0/33", "fe80::1%eth0", "", "0x7f000001")) {
            assertBadRequest(
                    Api.put("/v4/api-key/" + id + "/allowed-ips", "{\"allowedIps\": [\"" + entry + "\"]}")
                            .bearer(tenant.ownerToken())
                            .send(),
                    "allowedIps entry '" + entry + "' is not an IPv4 or IPv6 address or CIDR range");
        }
        assertBadRequest(
                Api.put("/v4/api-key/" + id + "/allowed-ips", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "allowedIps is required ([] for anywhere)");
        var many = IntStream.rangeClosed(1, 65)
                .mapToObj(i -> "\"192.0.2." + i + "\"")
                .collect(Collectors.joining(","));
        assertBadRequest(
                Api.put("/v4/api-key/" + id + "/allowed-ips", "{\"allowedIps\": [" + many + "]}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "allowedIps holds at most 64 entries");
        // nothing was changed by the refused requests
        assertEquals(array(), listedKey(tenant, id).getJsonArray("allowedIps"));
        var audited = Api.get("/v4/audit-event?credentialId=" + id + "&type=allowed_ips_changed")
                .bearer(tenant.ownerToken())
                .send();
        assertEquals(0, audited.array().size(), audited::toString);
    }

    @Test
    void onlyThoseWhoMayRevokeMaySetTheFence() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var memberToken = tenant.tokenOf(member);
        var memberTokenId = Api.get("/v4/personal-access-token")
                .bearer(memberToken)
                .send()
                .array()
                .getJsonObject(0)
                .getString("id");
        var keyId = createKey(tenant, "[]").string("id");
        var body = "{\"allowedIps\": [\"::1\"]}";
        // a member: not a key's, but their own token's
        assertForbidden(Api.put("/v4/api-key/" + keyId + "/allowed-ips", body)
                .bearer(memberToken)
                .send());
        assertStatus(
                Api.put("/v4/personal-access-token/" + memberTokenId + "/allowed-ips", "{\"allowedIps\": []}")
                        .bearer(memberToken)
                        .send(),
                200);
        // an admin may fence a member's token (as it may revoke it)
        var admin = tenant.user("ADMIN");
        assertStatus(
                Api.put("/v4/personal-access-token/" + memberTokenId + "/allowed-ips", body)
                        .bearer(tenant.tokenOf(admin))
                        .send(),
                200);
        assertNotAllowed(Api.get("/v4/user/me").on(V4).bearer(memberToken).send());
        // a credential that may only read credentials
        var reader = Api.post("/v4/api-key", "{\"expiresInDays\": 1, \"scopes\": [\"credentials:read\"]}")
                .bearer(tenant.ownerToken())
                .send()
                .string("key");
        assertError(
                Api.put("/v4/api-key/" + keyId + "/allowed-ips", body)
                        .bearer(reader)
                        .actingAs(tenant.ownerId())
                        .send(),
                403,
                "Forbidden",
                "Insufficient scope: this endpoint requires 'credentials:write'");

        // another company: its owner can neither see nor fence nor unfence this company's credentials
        var attacker = Tenant.create();
        for (var path : List.of("/v4/api-key/" + keyId, "/v4/personal-access-token/" + memberTokenId)) {
            assertError(
                    Api.put(path + "/allowed-ips", "{\"allowedIps\": []}")
                            .bearer(attacker.ownerToken())
                            .send(),
                    404,
                    "Not Found",
                    path.contains("api-key") ? "API key not found" : "Personal access token not found");
        }
        assertNotAllowed(Api.get("/v4/user/me").on(V4).bearer(memberToken).send());
        assertEquals(array(), listedKey(tenant, keyId).getJsonArray("allowedIps"));
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerDoesNotOpenTheFence() {
        var tenant = Tenant.create();
        var key = createKey(tenant, "[\"198.51.100.0/24\"]").string("key");
        for (var header : List.of("X-Forwarded-For", "X-Real-IP", "Forwarded")) {
            var value = header.equals("Forwarded") ? "for=198.51.100.7" : "198.51.100.7";
            assertNotAllowed(Api.get("/v4/user/me")
                    .on(V4)
                    .bearer(key)
                    .actingAs(tenant.ownerId())
                    .header(header, value)
                    .send());
        }
    }
}
