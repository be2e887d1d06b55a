package com.meetergo.apiauth.support;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests: the build's WAR plus the test helpers and a {@link MutableClock} that
 * replaces the application's clock; the test runs inside Liberty and injects the real beans.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClasses(InContainerTest.class, MutableClock.class, Api.class, Answer.class, ApiAssertions.class,
                        Tenant.class);
    }
}
