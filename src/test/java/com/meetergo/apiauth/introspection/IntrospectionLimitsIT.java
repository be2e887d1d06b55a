package com.meetergo.apiauth.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.TestPorts;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client's introspections are limited per window, and wrong client secrets per address (limits lowered here). */
@ExtendWith(ArquillianExtension.class)
class IntrospectionLimitsIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(
                "apiauth.introspection.client-id=" + IntrospectionIT.CLIENT_ID,
                "apiauth.introspection.client-secret=" + IntrospectionIT.CLIENT_SECRET,
                "apiauth.introspection.limit=5",
                "apiauth.introspection.window=PT1H",
                "apiauth.introspection.failures=3");
    }

    static void assertSlowDown(Answer answer) {
        assertEquals(429, answer.status(), answer::toString);
        assertEquals("application/json", answer.contentType());
        assertEquals("{\"error\":\"slow_down\"}", answer.body());
        assertTrue(Long.parseLong(answer.header("Retry-After").get(0)) > 0);
    }

    @Test
    void wrongSecretsAreThrottledThenTheClientIsLimited() {
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401,
                    Api.postForm("/oauth2/introspect", "token=x")
                            .header("Authorization", IntrospectionIT.basic(IntrospectionIT.CLIENT_ID, "wrong"))
                            .send()
                            .status());
        }
        assertSlowDown(Api.postForm("/oauth2/introspect", "token=x")
                .header("Authorization", IntrospectionIT.basic(IntrospectionIT.CLIENT_ID, "wrong"))
                .send());

        // the address waits out its window whatever it sends, the right secret too
        assertSlowDown(Api.postForm("/oauth2/introspect", "token=x")
                .header(
                        "Authorization",
                        IntrospectionIT.basic(IntrospectionIT.CLIENT_ID, IntrospectionIT.CLIENT_SECRET))
                .send());
        // the right client from another address: its own budget of 5 introspections per window
        for (int i = 0; i < 5; i++) {
            var answer = Api.postForm("/oauth2/introspect", "token=rgo-x")
                    .on("http://[::1]:" + TestPorts.http())
                    .header(
                            "Authorization",
                            IntrospectionIT.basic(IntrospectionIT.CLIENT_ID, IntrospectionIT.CLIENT_SECRET))
                    .send();
            assertEquals("{\"active\":false}", answer.body(), answer::toString);
        }
        assertSlowDown(Api.postForm("/oauth2/introspect", "token=rgo-x")
                .on("http://[::1]:" + TestPorts.http())
                .header(
                        "Authorization",
                        IntrospectionIT.basic(IntrospectionIT.CLIENT_ID, IntrospectionIT.CLIENT_SECRET))
                .send());
        assertEquals(
                List.of("no-store"),
                Api.postForm("/oauth2/introspect", "token=rgo-x").send().header("Cache-Control"));
    }
}
