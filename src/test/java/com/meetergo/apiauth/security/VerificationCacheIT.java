package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.millisUntilStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The verification cache: a warm request reads no credential or user from the database, a change
 * on this server is seen by the very next request, and a change another server made (its notice
 * row, written here by hand with the database edit it stands for) within a second.
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
        try (var c = database.getConnection(); var s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /** What another server's change leaves in the shared database: the notice of its transaction. */
    private void noticeFromAnotherServer(String kind, String id) throws SQLException {
        sql("insert into change_notice (id, kind, target_id, recorded_at) values (?, ?, ?, ?)",
                UUID.randomUUID().toString(), kind, id, Timestamp.from(Instant.now()));
    }


    @Test
    void aWarmCacheReadsNothingAndAnotherServersRevocationArrivesWithinASecond() throws SQLException {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var keyId = key.split(":")[1];
        Supplier<Answer> me = () -> Api.get("/v4/user/me").bearer(key).send();
        // The key's creation wrote a change notice (it clears a remembered unknown id on every server),
        // which the poller applies once, whenever it reads it: let a poll pass before warming.
        long created = System.nanoTime();
        long pollDeadline = created + TimeUnit.SECONDS.toNanos(30);
        while (cache.lastPollStarted() - created <= 0) {
            assertTrue(System.nanoTime() < pollDeadline, "no change-notice poll for 30 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        // A request answered while the poller was late reads the database and fills nothing (on a
        // loaded CI machine the poll can be over a second late): warm until one request used the cache.
        for (int attempt = 0; ; attempt++) {
            long bypassed = cache.bypassedLookups();
            assertStatus(me.get(), 200);
            if (cache.bypassedLookups() == bypassed) {
                break;
            }
            assertTrue(attempt < 50, "the cache never answered: its change-notice poller is stalled");
        }
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
        assertStatus(me.get(), 200);
        sql("update app_user set active = false where id = ?", member);
        sql("update personal_access_token set status = 'REVOKED' where user_id = ?", member);
        noticeFromAnotherServer("USER", member);
        long millis = millisUntilStatus(me, 401);
        System.out.println("[verification-cache] another server's user deletion refused after " + millis + " ms");
        assertInvalidCredential(me.get());
    }

    @Test
    void changesOnThisServerAreSeenByTheVeryNextRequest() {
        var tenant = Tenant.create();
        var owner = tenant.ownerToken();
        var key = tenant.apiKey();
        var keyId = key.split(":")[1];
        Supplier<Answer> withKey = () -> Api.get("/v4/meeting-type").bearer(key).actingAs(tenant.ownerId()).send();
        assertStatus(withKey.get(), 200);

        assertStatus(Api.post("/v4/api-key/" + keyId + "/deactivate", "{}").bearer(owner).send(), 204);
        assertUnauthorized(withKey.get(), "API key has been deactivated");
        assertStatus(Api.post("/v4/api-key/" + keyId + "/activate", "{}").bearer(owner).send(), 204);
        assertStatus(withKey.get(), 200);

        var rotated = Api.post("/v4/api-key/" + keyId + "/rotate", "{\"gracePeriodSeconds\": 0}").bearer(owner).send();
        assertStatus(rotated, 201);
        assertInvalidCredential(withKey.get());
        assertStatus(Api.get("/v4/user/me").bearer(rotated.string("key")).send(), 200);
    }

    @Test
    void roleChangesAndDeletionOnThisServerAreSeenByTheVeryNextRequest() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var token = tenant.tokenOf(member);
        Supplier<Answer> listKeys = () -> Api.get("/v4/api-key").bearer(token).send();
        assertForbidden(listKeys.get());
        var userManager = tenant.apiKey(); // users are managed with an API key

        var promote = Api.patch("/v4/user/" + member, "{\"role\": \"ADMIN\"}").bearer(userManager).actingAs(tenant.ownerId()).send();
        assertStatus(promote, 200);
        assertStatus(listKeys.get(), 200);
        var demote = Api.patch("/v4/user/" + member, "{\"role\": \"MEMBER\"}").bearer(userManager).actingAs(tenant.ownerId()).send();
        assertStatus(demote, 200);
        assertForbidden(listKeys.get());

        assertStatus(Api.delete("/v4/user/" + member).bearer(userManager).actingAs(tenant.ownerId()).send(), 204);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(token).send());
    }

    @Test
    void revokingALeakedTokenIsSeenByTheVeryNextRequest() {
        var tenant = Tenant.create();
        var token = tenant.tokenOf(tenant.ownerId());
        assertStatus(Api.get("/v4/user/me").bearer(token).send(), 200);
        var report = Api.post("/v4/credential-revocation", "{\"credentials\": [\"" + token + "\"]}").send();
        assertEquals(202, report.status(), report::toString);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(token).send());
    }
}
