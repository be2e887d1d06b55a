package com.meetergo.apiauth.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The production TLS drop-in (liberty/tls/on.xml), which the test server runs with: HTTPS on its
 * port with the development certificate Liberty generated at first start, TLS 1.3 and 1.2.
 */
class TlsIT extends ApiTest {

    private static final URI READY = URI.create("https://localhost:" + System.getProperty("it.https.port", "9543")
            + "/health/ready");

    @Test
    void httpsAnswersWithTheGeneratedDevelopmentCertificate() throws Exception {
        var seen = new X509Certificate[1][];
        var answer = client(seen, "TLSv1.3").send(HttpRequest.newBuilder(READY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals("TLSv1.3", answer.sslSession().orElseThrow().getProtocol());
        var certificate = seen[0][0];
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal(), "self-signed");
        assertTrue(certificate.getSubjectX500Principal().getName().startsWith("CN="),
                certificate.getSubjectX500Principal().getName());
    }

    /** (Older protocols cannot be tried from here: the JDK's client refuses them itself.) */
    @Test
    void tls12IsAcceptedToo() throws Exception {
        var answer = client(new X509Certificate[1][], "TLSv1.2").send(HttpRequest.newBuilder(READY).build(),
                HttpResponse.BodyHandlers.ofString());
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
        return HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }
}
