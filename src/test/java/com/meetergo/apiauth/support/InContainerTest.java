package com.meetergo.apiauth.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests: the build's WAR plus the test helpers; the test runs inside Liberty and injects the real beans.
 * Each test class declares its {@code @Deployment} with {@link #war(String...)}, which may add MicroProfile Config
 * settings for that deployment only. Only a test that moves time deploys with {@link #warWithTestClock(String...)}:
 * everywhere else the shipped clock producer runs.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class InContainerTest {

    /** The sweep runs only where a test says so, so that no test depends on when it fires. */
    public static final String NO_SWEEP = "apiauth.sweep.enabled=false";

    /** Every in-container test speaks from 127.0.0.1 with bad credentials on purpose. */
    private static final String NO_ADDRESS_THROTTLE = ApiTest.NO_ADDRESS_THROTTLE;

    /**
     * The test server runs the TLS drop-in, which refuses plain HTTP to the API; the tests speak plain HTTP (TlsIT,
     * which deploys with "refuse", tests the refusal). Later settings win.
     */
    private static final String PLAIN_HTTP = "apiauth.tls.plain-http=serve";

    /** The deployment with a {@link MutableClock} that replaces the application's clock. */
    public static WebArchive warWithTestClock(String... settings) {
        return war(settings).addClass(MutableClock.class);
    }

    public static WebArchive war(String... settings) {
        var war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClasses(
                        InContainerTest.class,
                        ApiTest.class,
                        Api.class,
                        Answer.class,
                        ApiAssertions.class,
                        Tenant.class,
                        ExtraServer.class,
                        ExtraServerTest.class,
                        TestPorts.class);
        try {
            var config = Files.readString(Path.of("target/classes/META-INF/microprofile-config.properties")) + "\n"
                    + NO_ADDRESS_THROTTLE + "\n" + PLAIN_HTTP + "\n" + String.join("\n", settings) + "\n";
            return war.addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
