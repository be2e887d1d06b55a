package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.domain.model.change.ChangeNotice;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Guessing at API key ids costs the guesser, not the database: an unknown id is read once and then answered from a
 * bounded negative cache, which forgets the id when a key with it is created (a change notice, as for every change, so
 * on every server).
 */
class GuessingCostIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return war(NO_SWEEP);
    }

    @Inject
    VerificationCache cache;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    @Test
    void repeatedGuessesAtAnUnknownIdReadTheDatabaseOnce() {
        var id = UUID.randomUUID().toString();
        // until the cache has remembered it (it answers only while the change-notice poller is fresh)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long first = cache.unknownKeyHits();
        while (cache.unknownKeyHits() == first) {
            assertTrue(cache.apiKey(id).isEmpty());
            assertTrue(System.nanoTime() < deadline, "the cache never answered");
        }
        long hits = cache.unknownKeyHits();
        long bypassed = cache.bypassedLookups();
        for (int i = 0; i < 10; i++) {
            assertTrue(cache.apiKey(id).isEmpty());
        }
        // every guess was answered as unknown without a read, but those made while the poller was late
        assertEquals(10, cache.unknownKeyHits() - hits + cache.bypassedLookups() - bypassed);
        assertTrue(cache.unknownKeyHits() > hits);

        cache.forget(ChangeNotice.Kind.CREDENTIAL, id); // what a creation's notice does, on every server
        long afterNotice = cache.unknownKeyHits();
        assertTrue(cache.apiKey(id).isEmpty());
        assertEquals(afterNotice, cache.unknownKeyHits(), "after the notice the database is asked again");
    }

    @Test
    void creatingAKeyWritesTheNoticeThatClearsItsId() throws Exception {
        var tenant = Tenant.create();
        var key = Api.post("/v4/api-key", "{\"name\": \"new\", \"expiresInDays\": 5}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(key, 201);
        try (var connection = database.getConnection();
                var query = connection.prepareStatement(
                        "select count(*) from change_notice where kind = 'CREDENTIAL' and target_id = ?")) {
            query.setString(1, key.string("id"));
            try (var rows = query.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
        // and the new key works at once, also right after a guess at it would have been remembered
        assertStatus(Api.get("/v4/user/me").bearer(key.string("key")).send(), 200);
    }
}
