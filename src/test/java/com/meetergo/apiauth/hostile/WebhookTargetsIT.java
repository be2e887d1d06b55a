package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.infrastructure.webhook.WebhookTargets;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Server-side request forgery through webhooks, from the attacker's side: a company owner who registers an endpoint to
 * make the server call what only the server can reach — itself, the private network, the cloud's metadata service — in
 * every spelling. With the default setting (allow-private-targets off) each is refused at registration, naming the rule
 * and never the address a name resolved to; the same resolver guards every connection (WebhookTargetsTest).
 */
@ExtendWith(ArquillianExtension.class)
public class WebhookTargetsIT {

    static final String PRIVATE = WebhookTargets.NOT_PUBLIC;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(ApiTest.NO_ADDRESS_THROTTLE);
    }

    private static Answer register(Tenant tenant, String url) {
        return Api.post("/v4/webhook-endpoint", "{\"url\": \"" + url + "\", \"events\": [\"credential.revoked\"]}")
                .bearer(tenant.ownerToken())
                .send();
    }

    @Test
    void internalTargetsAreRefusedInEverySpelling() {
        var tenant = Tenant.create();
        for (var url : List.of(
                "https://127.0.0.1/hooks",
                "https://127.1.2.3:9443/",
                "https://localhost/hooks",
                "https://10.0.0.1/",
                "https://172.16.5.4/",
                "https://192.168.1.1/",
                "https://100.100.100.200/latest/meta-data/",
                "https://169.254.169.254/latest/meta-data/iam/",
                "https://0.0.0.0/",
                "https://[::1]/",
                "https://[::]/",
                "https://[::ffff:127.0.0.1]/",
                "https://[::ffff:a9fe:a9fe]/",
                "https://[fd00:ec2::254]/",
                "https://[fe80::1]/",
                "https://[64:ff9b::7f00:1]/",
                "https://[2002:7f00:1::]/",
                "https://224.0.0.1/",
                "https://255.255.255.255/")) {
            assertBadRequest(register(tenant, url), PRIVATE);
        }
        assertEquals(
                0,
                Api.get("/v4/webhook-endpoint")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
    }

    @Test
    void onlyHttpsWithoutUserInformationToAHostThatResolves() {
        var tenant = Tenant.create();
        assertBadRequest(register(tenant, "http://93.184.216.34/hooks"), "url must be an https URL");
        assertBadRequest(register(tenant, "file:///etc/passwd"), "url must be an https URL");
        assertBadRequest(register(tenant, "gopher://93.184.216.34:6379/_INFO"), "url must be an https URL");
        assertBadRequest(
                register(tenant, "https://admin:secret@93.184.216.34/hooks"), "url must not contain user information");
        // a name that does not resolve and one that resolves to the loopback get the same answer:
        // registering endpoints maps none of the operator's internal names
        assertBadRequest(register(tenant, "https://hooks.example.invalid/hooks"), PRIVATE);
        assertBadRequest(register(tenant, "https://localhost/hooks"), PRIVATE);
        assertBadRequest(register(tenant, "https://93.184.216.34/hooks#x"), "url must not contain a fragment");
        assertBadRequest(
                register(tenant, "https://93.184.216.34/" + "a".repeat(2048)), "url must be at most 2048 characters");

        var publicLiteral = register(tenant, "https://93.184.216.34/hooks");
        assertStatus(publicLiteral, 201);
        assertEquals("https://93.184.216.34/hooks", publicLiteral.string("url"));
    }
}
