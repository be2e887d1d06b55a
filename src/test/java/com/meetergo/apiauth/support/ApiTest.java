package com.meetergo.apiauth.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests: the WAR the build made, deployed on the real Liberty test server, called over HTTP. One setting
 * differs: the failed-attempt throttle per address is lifted, because every test speaks from 127.0.0.1 and sends bad
 * credentials on purpose (FailedAttemptThrottleIT and KeyGuessThrottleIT test the throttles).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ApiTest {

    public static final String NO_ADDRESS_THROTTLE = "apiauth.throttle.address-failures=1000000";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(NO_ADDRESS_THROTTLE);
    }
}
