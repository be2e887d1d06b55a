package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A bearer API keeps no session: no answer, good or bad, sets a cookie; and no request is served with another request's
 * caller, although the server's threads serve them all in turn.
 */
class StatelessIT extends ApiTest {

    @Test
    void noAnswerSetsACookie() {
        var tenant = Tenant.create();
        var answers = List.of(
                Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(),
                Api.get("/v4/user/me").bearer(tenant.apiKey()).send(),
                Api.get("/v4/user/me").send(),
                Api.get("/v4/user/me").bearer("rgo-wrong").send(),
                Api.get("/v4/user")
                        .bearer(tenant.ownerToken())
                        .actingAs(tenant.ownerId())
                        .send());
        for (Answer answer : answers) {
            assertEquals(List.of(), answer.setCookies(), answer::toString);
        }
    }

    /**
     * The caller is bound to the thread that serves the request: 16 clients mix two companies' credentials with missing
     * ones, a PAT naming another user (the credential is valid, its caller rejected) and open paths, 800 requests over
     * the server's pooled threads; every answer is its own credential's, never the previous request's on that thread.
     */
    @Test
    void noRequestIsServedWithAnotherRequestsCaller() throws Exception {
        var a = Tenant.create();
        var b = Tenant.create();
        var bMember = b.user("MEMBER");
        var bKey = b.apiKey();
        List<Callable<String>> requests = new ArrayList<>();
        for (int client = 0; client < 16; client++) {
            requests.add(() -> {
                for (int i = 0; i < 50; i++) {
                    switch (i % 5) {
                        case 0 ->
                            expectUser(
                                    Api.get("/v4/user/me")
                                            .bearer(a.ownerToken())
                                            .send(),
                                    a.ownerId());
                        case 1 ->
                            expectUser(
                                    Api.get("/v4/user/me")
                                            .bearer(bKey)
                                            .actingAs(bMember)
                                            .send(),
                                    bMember);
                        case 2 -> expectMissing(Api.get("/v4/user/me").send());
                        case 3 ->
                            assertError(
                                    Api.get("/v4/user/me")
                                            .bearer(a.ownerToken())
                                            .actingAs(bMember)
                                            .send(),
                                    403,
                                    "Forbidden",
                                    PersonalAccessTokenIT.PAT_IMPERSONATION);
                        default ->
                            assertEquals(200, Api.get("/health/live").send().status());
                    }
                }
                return "done";
            });
        }
        var pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<String> done : pool.invokeAll(requests)) {
                assertEquals("done", done.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void expectUser(Answer answer, String userId) {
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(userId, answer.string("id"), answer::toString);
    }

    private static void expectMissing(Answer answer) {
        assertUnauthorized(answer, "Missing authorization header");
    }
}
