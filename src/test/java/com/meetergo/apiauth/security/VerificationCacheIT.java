package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static com.meetergo.apiauth.support.ApiAssertions.millisUntilStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The verification cache: a warm request reads no credential or user from the database, a change on this server is seen
 * by the very next request, and a change another server made (its notice row, written here by hand with the database
 * edit it stands for) within a second.
 */
class VerificationCacheIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        // A time-to-live far beyond the test: only notices can make the cache forget.
        return war(NO_SWEEP, "apiauth.cache.ttl=PT1H");
    }

    @Inject
    VerificationCache cache;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    private void sql(String statement, Object... parameters) throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /** What another server's change leaves in the shared database: the notice of its transaction. */
    private void noticeFromAnotherServer(String kind, String id) throws SQLException {
        sql(
                "insert into change_notice (id, kind, target_id, recorded_at) values (?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                kind,
                id,
                Timestamp.from(Instant.now()));
    }

    /**
     * Sends {@code request} until the cache answered it: first lets a change-notice poll pass (the notices of the
     * test's own setup, applied whenever the poller reads them, would empty the entry again), then repeats until a
     * request was not bypassed (on a loaded CI machine a poll can be over a second late, and a request then reads the
     * database and fills nothing).
     */
    private void warm(Supplier<Answer> request, int status) {
        long since = System.nanoTime();
        long pollDeadline = since + TimeUnit.SECONDS.toNanos(30);
        while (cache.lastPollStarted() - since <= 0) {
            assertTrue(System.nanoTime() < pollDeadline, "no change-notice poll for 30 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        for (int attempt = 0; ; attempt++) {
            long bypassed = cache.bypassedLookups();
            assertStatus(request.get(), status);
            if (cache.bypassedLookups() == bypassed) {
                return;
            }
            assertTrue(attempt < 50, "the cache never answered: its change-notice poller is stalled");
        }
    }

    /**
     * Shows that {@code request} is answered from the cache: the row of {@code id} is changed behind the server's back
     * ({@code change}, no notice) so that a database read would answer otherwise, and the answer stays {@code status}.
     * The change is then undone ({@code undo}).
     */
    private void assertAnsweredFromCache(Supplier<Answer> request, int status, String change, String undo, String id)
            throws SQLException {
        warm(request, status);
        sql(change, id);
        try {
            int fromCache = 0;
            for (int i = 0; i < 10; i++) {
                long bypassed = cache.bypassedLookups();
                var answer = request.get();
                if (cache.bypassedLookups() == bypassed) {
                    assertStatus(answer, status);
                    fromCache++;
                }
            }
            assertTrue(fromCache > 0, "no request was answered from the cache");
        } finally {
            sql(undo, id);
        }
    }

    private static final String KEY_DEACTIVATED = "update api_key set status = 'DEACTIVATED' where id = ?";
    private static final String KEY_ACTIVE = "update api_key set status = 'ACTIVE' where id = ?";
    private static final String USER_GONE = "update app_user set active = false where id = ?";
    private static final String USER_BACK = "update app_user set active = true where id = ?";

    /**
     * The scope and plan checks read nothing on a warm cache: with the key's scopes widened and its company's plan cut
     * behind the server's back, the cached key still gets exactly its answers.
     */
    @Test
    void scopeAndPlanChecksAreAnsweredFromTheCache() throws SQLException {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 30, \"scopes\": [\"appointments:read\"]}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(created, 201);
        var key = created.string("key");
        Supplier<Answer> allowed = () -> Api.get("/v4/appointment")
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send();
        Supplier<Answer> refused = () -> Api.get("/v4/meeting-type")
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send();
        var widen = "update api_key set scopes = null where id = ?";
        var restore = "update api_key set scopes = 'appointments:read' where id = ?";
        assertAnsweredFromCache(refused, 403, widen, restore, created.string("id"));
        var free = "update company set plan = 'FREE' where id = ?";
        var enterprise = "update company set plan = 'ENTERPRISE' where id = ?";
        assertAnsweredFromCache(allowed, 200, free, enterprise, tenant.companyId());
        assertAnsweredFromCache(refused, 403, free, enterprise, tenant.companyId());
        assertEquals(
                List.of("Bearer error=\"insufficient_scope\", scope=\"meeting-types:read\""),
                refused.get().header("WWW-Authenticate"));
    }

    @Test
    void aWarmCacheReadsNothingAndAnotherServersRevocationArrivesWithinASecond() throws SQLException {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var keyId = key.split(":")[1];
        Supplier<Answer> me = () -> Api.get("/v4/user/me").bearer(key).send();
        warm(me, 200);
        assertTrue(cache.credentialCount() > 0);

        // Revoked in the database behind this server's back, with no notice: the warm entry still
        // answers, which shows the request did not read the key. Only requests during which the
        // cache answered count (a late poll makes the cache read the database, as it must).
        sql("update api_key set status = 'REVOKED', revoked_at = ? where id = ?", Timestamp.from(Instant.now()), keyId);
        int fromCache = 0;
        for (int i = 0; i < 10; i++) {
            long bypassed = cache.bypassedLookups();
            var answer = me.get();
            if (cache.bypassedLookups() == bypassed) {
                assertStatus(answer, 200);
                fromCache++;
            }
        }
        assertTrue(fromCache > 0, "no request was answered from the cache");
        // Another server's revocation comes with its notice: refused within a second.
        noticeFromAnotherServer("CREDENTIAL", keyId);
        long millis = millisUntilStatus(me, 401);
        System.out.println("[verification-cache] another server's key revocation refused after " + millis + " ms");
        assertInvalidCredential(me.get());
    }

    @Test
    void anotherServersDeletionOfAUserArrivesWithinASecond() throws SQLException {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var token = tenant.tokenOf(member);
        Supplier<Answer> me = () -> Api.get("/v4/user/me").bearer(token).send();
        // (/v4/user/me reads the user itself; the meeting types read only the authenticated caller's id)
        assertAnsweredFromCache(
                () -> Api.get("/v4/meeting-type").bearer(token).send(), 200, USER_GONE, USER_BACK, member);
        sql("update app_user set active = false where id = ?", member);
        sql("update personal_access_token set status = 'REVOKED' where user_id = ?", member);
        noticeFromAnotherServer("USER", member);
        long millis = millisUntilStatus(me, 401);
        System.out.println("[verification-cache] another server's user deletion refused after " + millis + " ms");
        assertInvalidCredential(me.get());
    }

    @Test
    void changesOnThisServerAreSeenByTheVeryNextRequest() throws SQLException {
        var tenant = Tenant.create();
        var owner = tenant.ownerToken();
        var key = tenant.apiKey();
        var keyId = key.split(":")[1];
        Supplier<Answer> withKey = () -> Api.get("/v4/meeting-type")
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send();
        assertAnsweredFromCache(withKey, 200, KEY_DEACTIVATED, KEY_ACTIVE, keyId);

        assertStatus(
                Api.post("/v4/api-key/" + keyId + "/deactivate", "{}")
                        .bearer(owner)
                        .send(),
                204);
        assertUnauthorized(withKey.get(), "API key has been deactivated");
        assertStatus(
                Api.post("/v4/api-key/" + keyId + "/activate", "{}")
                        .bearer(owner)
                        .send(),
                204);
        assertAnsweredFromCache(withKey, 200, KEY_DEACTIVATED, KEY_ACTIVE, keyId);

        var rotated = Api.post("/v4/api-key/" + keyId + "/rotate", "{\"gracePeriodSeconds\": 0}")
                .bearer(owner)
                .send();
        assertStatus(rotated, 201);
        assertInvalidCredential(withKey.get());
        assertStatus(Api.get("/v4/user/me").bearer(rotated.string("key")).send(), 200);
    }

    @Test
    void roleChangesAndDeletionOnThisServerAreSeenByTheVeryNextRequest() throws SQLException {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var token = tenant.tokenOf(member);
        Supplier<Answer> listKeys = () -> Api.get("/v4/api-key").bearer(token).send();
        var userManager = tenant.apiKey(); // users are managed with an API key
        assertAnsweredFromCache(
                listKeys,
                403,
                "update app_user set role = 'ADMIN' where id = ?",
                "update app_user set role = 'MEMBER' where id = ?",
                member);
        assertForbidden(listKeys.get());

        var promote = Api.patch("/v4/user/" + member, "{\"role\": \"ADMIN\"}")
                .bearer(userManager)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(promote, 200);
        assertAnsweredFromCache(
                listKeys,
                200,
                "update app_user set role = 'MEMBER' where id = ?",
                "update app_user set role = 'ADMIN' where id = ?",
                member);
        var demote = Api.patch("/v4/user/" + member, "{\"role\": \"MEMBER\"}")
                .bearer(userManager)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(demote, 200);
        assertForbidden(listKeys.get());
        assertAnsweredFromCache(
                () -> Api.get("/v4/meeting-type").bearer(token).send(), 200, USER_GONE, USER_BACK, member);

        assertStatus(
                Api.delete("/v4/user/" + member)
                        .bearer(userManager)
                        .actingAs(tenant.ownerId())
                        .send(),
                204);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(token).send());
    }

    @Test
    void revokingALeakedTokenIsSeenByTheVeryNextRequest() throws SQLException {
        var tenant = Tenant.create();
        var token = tenant.tokenOf(tenant.ownerId());
        assertAnsweredFromCache(
                () -> Api.get("/v4/meeting-type").bearer(token).send(), 200, USER_GONE, USER_BACK, tenant.ownerId());
        assertStatus(Api.get("/v4/user/me").bearer(token).send(), 200);
        var report = Api.post("/v4/credential-revocation", "{\"credentials\": [\"" + token + "\"]}")
                .send();
        assertEquals(202, report.status(), report::toString);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(token).send());
    }
}
