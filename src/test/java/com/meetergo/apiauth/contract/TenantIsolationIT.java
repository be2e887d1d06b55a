package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.ServerLog;
import com.meetergo.apiauth.support.Tenant;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** An attacker holds company B's credentials and goes after company A. Nothing of A is reachable. */
class TenantIsolationIT extends ApiTest {

    @Test
    void keyOfOneCompanyNamingAUserOfAnotherIsRefused() {
        var victim = Tenant.create();
        var attacker = Tenant.create();
        var victimUser = victim.user("MEMBER");
        for (var target : new String[] {victim.ownerId(), victimUser}) {
            assertError(
                    Api.get("/v4/user/me")
                            .bearer(attacker.apiKey())
                            .actingAs(target)
                            .send(),
                    500,
                    "Internal Server Error",
                    "API user does not belong to company");
            assertError(
                    Api.get("/v4/appointment")
                            .bearer(attacker.apiKey())
                            .actingAs(target)
                            .send(),
                    500,
                    "Internal Server Error",
                    "API user does not belong to company");
        }
    }

    @Test
    void probingForeignUsersLeavesNoErrorInTheServerLog() throws Exception {
        var victim = Tenant.create();
        var attacker = Tenant.create();
        long before = ServerLog.mark();
        var key = attacker.apiKey();
        for (int i = 0; i < 20; i++) {
            assertError(
                    Api.get("/v4/user/me")
                            .bearer(key)
                            .actingAs(victim.ownerId())
                            .send(),
                    500,
                    "Internal Server Error",
                    "API user does not belong to company");
        }
        var added = ServerLog.since(before);
        Assertions.assertFalse(added.contains(" E ") || added.contains(" W "), added);
    }

    @Test
    void adminOfAnotherCompanyNeitherSeesNorRevokesKeys() {
        var victim = Tenant.create();
        var attacker = Tenant.create();
        var victimKey = victim.apiKey();
        var victimKeyId = victimKey.split(":")[1];
        var attackerAdmin = attacker.tokenOf(attacker.user("ADMIN"));

        var list = Api.get("/v4/api-key").bearer(attackerAdmin).send();
        assertStatus(list, 200);
        assertFalse(list.body().contains(victimKeyId), list::toString);
        assertError(
                Api.delete("/v4/api-key/" + victimKeyId).bearer(attackerAdmin).send(),
                404,
                "Not Found",
                "API key not found");
        assertStatus(Api.get("/v4/user/me").bearer(victimKey).send(), 200);
    }

    @Test
    void usersOfAnotherCompanyAreNeitherListedNorChangeable() {
        var victim = Tenant.create();
        var attacker = Tenant.create();
        var victimMember = victim.user("MEMBER");
        var key = attacker.apiKey();

        var list = Api.get("/v4/user").bearer(key).actingAs(attacker.ownerId()).send();
        assertStatus(list, 200);
        assertEquals(1, list.array().size(), list::toString);
        assertError(
                Api.patch("/v4/user/" + victimMember, "{\"givenName\": \"Pwned\"}")
                        .bearer(key)
                        .actingAs(attacker.ownerId())
                        .send(),
                404,
                "Not Found",
                "User not found");
        assertError(
                Api.delete("/v4/user/" + victimMember)
                        .bearer(key)
                        .actingAs(attacker.ownerId())
                        .send(),
                404,
                "Not Found",
                "User not found");
        assertEquals(
                "MEMBER",
                Api.get("/v4/user/me")
                        .bearer(victim.apiKey())
                        .actingAs(victimMember)
                        .send()
                        .string("role"));
    }

    @Test
    void tokensOfAnotherCompanyCannotBeRevoked() {
        var victim = Tenant.create();
        var attacker = Tenant.create();
        var victimToken = Api.post("/v4/personal-access-token", "{\"name\": \"v\"}")
                .bearer(victim.ownerToken())
                .send();
        assertError(
                Api.delete("/v4/personal-access-token/" + victimToken.string("id"))
                        .bearer(attacker.ownerToken())
                        .send(),
                404,
                "Not Found",
                "Personal access token not found");
        assertStatus(Api.get("/v4/user/me").bearer(victimToken.string("token")).send(), 200);
    }

    @Test
    void appointmentsOfAnotherCompanyAreNeverListed() {
        var victim = Tenant.create();
        var attacker = Tenant.create();
        var type = Api.post(
                        "/v4/meeting-type",
                        "{\"name\": \"Secret call\", \"durationMinutes\": 30," + " \"slug\": \"secret\"}")
                .bearer(victim.ownerToken())
                .send();
        assertStatus(type, 201);
        assertStatus(
                Api.post(
                                "/v4/appointment",
                                "{\"meetingTypeId\": \"" + type.string("id") + "\","
                                        + " \"start\": \"2030-01-01T10:00:00Z\", \"guestEmail\": \"guest@example.com\"}")
                        .bearer(victim.ownerToken())
                        .send(),
                201);

        var all = Api.get("/v4/appointment").bearer(attacker.ownerToken()).send();
        assertStatus(all, 200);
        assertEquals(0, all.array().size(), all::toString);
        var filtered = Api.get("/v4/appointment?userId=" + victim.ownerId())
                .bearer(attacker.ownerToken())
                .send();
        assertEquals(0, filtered.array().size(), filtered::toString);
        assertError(
                Api.post(
                                "/v4/appointment",
                                "{\"meetingTypeId\": \"" + type.string("id") + "\","
                                        + " \"start\": \"2030-01-02T10:00:00Z\", \"guestEmail\": \"x@example.com\"}")
                        .bearer(attacker.ownerToken())
                        .send(),
                404,
                "Not Found",
                "Meeting type not found");
    }
}
