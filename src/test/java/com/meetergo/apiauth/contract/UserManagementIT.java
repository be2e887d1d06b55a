package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** User management: API keys only, acting as an owner or admin. */
class UserManagementIT extends ApiTest {

    private static String email() {
        return "u-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void adminActingThroughKeyCreatesAUserOnce() {
        var tenant = Tenant.create();
        var admin = tenant.user("ADMIN");
        var key = tenant.apiKey();
        var email = email();
        var body = "{\"email\": \"" + email + "\", \"givenName\": \"Ada\", \"familyName\": \"Lovelace\","
                + " \"role\": \"ADMIN\"}";
        var created = Api.post("/v4/user", body).bearer(key).actingAs(admin).send();
        assertStatus(created, 201);
        assertEquals(
                Set.of("id", "userId", "email", "givenName", "familyName", "role", "companyId", "createdAt"),
                created.object().keySet());
        assertEquals(email, created.string("email"));
        assertEquals("ADMIN", created.string("role"));
        assertError(
                Api.post("/v4/user", body).bearer(key).actingAs(admin).send(),
                409,
                "Conflict",
                "A user with this email already exists");
    }

    @Test
    void concurrentCreationOfOneEmailMakesExactlyOneUser() throws Exception {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var body = "{\"email\": \"" + email() + "\", \"givenName\": \"Race\", \"familyName\": \"Condition\"}";
        var threads = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var answers = new ArrayList<Future<Answer>>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Api.post("/v4/user", body).bearer(key).send();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                var a = answer.get();
                statuses.add(a.status());
                if (a.status() == 409) {
                    assertEquals("Conflict", a.string("error"), a::toString);
                }
            }
            statuses.sort(null);
            var expected = new ArrayList<Integer>(Collections.nCopies(threads - 1, 409));
            expected.add(0, 201);
            assertEquals(expected, statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                2,
                Api.get("/v4/user").bearer(tenant.ownerToken()).send().array().size());
    }

    @Test
    void memberActingThroughKeyCannotManageUsers() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var key = tenant.apiKey();
        assertForbidden(Api.post(
                        "/v4/user",
                        "{\"email\": \"" + email() + "\", \"givenName\": \"A\"," + " \"familyName\": \"B\"}")
                .bearer(key)
                .actingAs(member)
                .send());
        assertForbidden(Api.delete("/v4/user/" + tenant.ownerId())
                .bearer(key)
                .actingAs(member)
                .send());
    }

    @Test
    void invalidUserBodiesAreBadRequests() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        assertBadRequest(
                Api.post("/v4/user", "{\"email\": \"nope\", \"givenName\": \"A\", \"familyName\": \"B\"}")
                        .bearer(key)
                        .send(),
                "email must be an email address");
        assertBadRequest(
                Api.post("/v4/user", "{\"email\": \"" + email() + "\"}")
                        .bearer(key)
                        .send(),
                "familyName is required; givenName is required");
        assertBadRequest(
                Api.post(
                                "/v4/user",
                                "{\"email\": \"" + email() + "\", \"givenName\": \"A\","
                                        + " \"familyName\": \"B\", \"role\": \"OWNER\"}")
                        .bearer(key)
                        .send(),
                "role must be ADMIN or MEMBER: a company has exactly one owner");
        assertBadRequest(
                Api.post("/v4/user", "").bearer(key).send(),
                "The request body is not valid JSON of the expected shape");
    }

    @Test
    void patchChangesOnlyWhatIsSent() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var key = tenant.apiKey();
        var patched = Api.patch("/v4/user/" + member, "{\"givenName\": \"Grace\", \"role\": \"ADMIN\"}")
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(patched, 200);
        assertEquals("Grace", patched.string("givenName"));
        assertEquals("MEMBER", patched.string("familyName"));
        assertEquals("ADMIN", patched.string("role"));
        assertBadRequest(
                Api.patch("/v4/user/" + tenant.ownerId(), "{\"role\": \"MEMBER\"}")
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                "The company owner's role cannot be changed");
    }

    @Test
    void deletedUserCanNoLongerBeActedAsNorUseItsTokens() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var memberToken = tenant.tokenOf(member);
        var key = tenant.apiKey();
        assertStatus(
                Api.delete("/v4/user/" + member)
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                204);
        assertError(
                Api.get("/v4/user/me").bearer(key).actingAs(member).send(),
                500,
                "Internal Server Error",
                "API user does not belong to company");
        assertInvalidCredential(Api.get("/v4/user/me").bearer(memberToken).send());
        assertEquals(
                1,
                Api.get("/v4/user").bearer(tenant.ownerToken()).send().array().size());
    }

    @Test
    void ownerCannotBeDeleted() {
        var tenant = Tenant.create();
        assertBadRequest(
                Api.delete("/v4/user/" + tenant.ownerId())
                        .bearer(tenant.apiKey())
                        .actingAs(tenant.ownerId())
                        .send(),
                "The company owner cannot be deleted");
    }

    /** One address whatever its case; deleting a user frees it (it used to be kept for ever: 409). */
    @Test
    void anEmailIsOneAddressWhateverItsCaseAndADeletedUserFreesIt() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var email = email();
        var first = Api.post("/v4/user", user(email)).bearer(key).send();
        assertStatus(first, 201);
        assertError(
                Api.post("/v4/user", user(email.toUpperCase(Locale.ROOT)))
                        .bearer(key)
                        .send(),
                409,
                "Conflict",
                "A user with this email already exists");
        assertStatus(
                Api.delete("/v4/user/" + first.string("userId"))
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                204);
        var again = Api.post("/v4/user", user(email.toUpperCase(Locale.ROOT)))
                .bearer(key)
                .send();
        assertStatus(again, 201);
        assertNotEquals(first.string("userId"), again.string("userId"));
    }

    /** A tenant adding an address learns nothing about other companies' users (it used to get 409). */
    @Test
    void anotherCompanysAddressIsNoConflictAndNoOracle() {
        var a = Tenant.create();
        var b = Tenant.create();
        var email = email();
        var inA = Api.post("/v4/user", user(email)).bearer(a.apiKey()).send();
        assertStatus(inA, 201);
        var inB = Api.post("/v4/user", user(email)).bearer(b.apiKey()).send();
        assertStatus(inB, 201);
        assertEquals(b.companyId(), inB.string("companyId"));
        assertNotEquals(inA.string("userId"), inB.string("userId"));
    }

    private static String user(String email) {
        return "{\"email\": \"" + email + "\", \"givenName\": \"Eve\", \"familyName\": \"Same\"}";
    }
}
