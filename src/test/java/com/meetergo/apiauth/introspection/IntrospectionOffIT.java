package com.meetergo.apiauth.introspection;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Without a configured client, introspection does not exist: 404, as a path that does not. */
class IntrospectionOffIT extends ApiTest {

    @Test
    void withoutAConfiguredClientTheEndpointIsNotThere() {
        var basic = IntrospectionIT.basic(IntrospectionIT.CLIENT_ID, IntrospectionIT.CLIENT_SECRET);
        assertError(
                Api.postForm("/oauth2/introspect", "token=rgo-x")
                        .header("Authorization", basic)
                        .send(),
                404,
                "Not Found",
                "Not Found");
        assertError(Api.get("/oauth2/introspect").send(), 404, "Not Found", "Not Found");
        assertError(Api.get("/no-such-path").send(), 404, "Not Found", "Not Found");
    }
}
