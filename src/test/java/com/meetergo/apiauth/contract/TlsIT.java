package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production TLS drop-in (liberty/tls/on.xml), which the test server runs with: HTTPS on its port with the
 * development certificate Liberty generated at first start, TLS 1.3 and 1.2.
 */
@ExtendWith(ArquillianExtension.class)
class TlsIT {

    /** As shipped with TLS on: the API refuses plain HTTP (the other test deployments serve it). */
    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war("apiauth.tls.plain-http=refuse");
    }

    private static final String HTTPS = "https://localhost:" + TestPorts.https();

    private static final URI READY = URI.create("https://localhost:" + TestPorts.https() + "/health/ready");

    @Test
    void httpsAnswersWithTheGeneratedDevelopmentCertificate() throws Exception {
        var seen = new X509Certificate[1][];
        var answer = client(seen, "TLSv1.3")
                .send(HttpRequest.newBuilder(READY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals("TLSv1.3", answer.sslSession().orElseThrow().getProtocol());
        var certificate = seen[0][0];
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal(), "self-signed");
        assertTrue(
                certificate.getSubjectX500Principal().getName().startsWith("CN="),
                certificate.getSubjectX500Principal().getName());
    }

    /**
     * With TLS on, plain HTTP reaches the probes only: the API refuses it before reading the credential (which a client
     * sent in clear already: it learns to fix its URL, never that the credential worked), and every HTTPS answer of the
     * API carries Strict-Transport-Security.
     */
    @Test
    void theApiAnswersOnHttpsOnlyAndSaysSo() throws Exception {
        var client = client(new X509Certificate[1][], "TLSv1.3");
        var signUp = client.send(
                HttpRequest.newBuilder(URI.create(HTTPS + "/provisioning/companies"))
                        .header("Content-Type", "application/json")
                        .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Tls\", \"owner\": {\"email\": \"tls-"
                                + System.nanoTime() + "@example.com\", \"givenName\": \"T\", \"familyName\": \"S\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, signUp.statusCode(), signUp::body);
        var ownerToken =
                Json.createReader(new StringReader(signUp.body())).readObject().getString("ownerToken");
        var plain = Api.get("/v4/user/me").bearer(ownerToken).send();
        assertError(plain, 403, "Forbidden", "HTTPS required");
        assertError(Api.get("/admin/api-keys").send(), 403, "Forbidden", "HTTPS required");
        assertError(
                Api.post("/provisioning/companies", "{}")
                        .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                        .send(),
                403,
                "Forbidden",
                "HTTPS required");
        assertEquals(200, Api.get("/health/ready").send().status(), "the probes stay on plain HTTP");

        var secure = client.send(
                HttpRequest.newBuilder(URI.create(HTTPS + "/v4/user/me"))
                        .header("Authorization", "Bearer " + ownerToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, secure.statusCode(), secure::body);
        assertEquals(Optional.of("max-age=31536000"), secure.headers().firstValue("Strict-Transport-Security"));
        var refused = client.send(
                HttpRequest.newBuilder(URI.create(HTTPS + "/v4/user/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), refused::body);
        assertEquals(Optional.of("max-age=31536000"), refused.headers().firstValue("Strict-Transport-Security"));
    }

    /** (Older protocols cannot be tried from here: the JDK's client refuses them itself.) */
    @Test
    void tls12IsAcceptedToo() throws Exception {
        var answer = client(new X509Certificate[1][], "TLSv1.2")
                .send(HttpRequest.newBuilder(READY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals("TLSv1.2", answer.sslSession().orElseThrow().getProtocol());
    }

    /** Trusts whatever the server shows (a generated development certificate) and keeps it. */
    private static HttpClient client(X509Certificate[][] seen, String protocol) throws Exception {
        var trustAndKeep = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain;
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAndKeep}, null);
        var parameters = new SSLParameters();
        parameters.setProtocols(List.of(protocol).toArray(String[]::new));
        return HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
