package com.meetergo.apiauth.support;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * In-container tests that start servers of their own beside the test server ({@link ExtraServer}): the deployment (no
 * sweep on the test server) and the test server's directory, whose siblings are the extra servers. PostgreSQL run only:
 * the extra servers are copies of its second server.
 */
public abstract class ExtraServerTest extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        // Read here, in the build's JVM: the server's JVM does not have it.
        return war(NO_SWEEP, "it.server.dir=" + System.getProperty("it.server.dir", ""));
    }

    @Inject
    @ConfigProperty(name = "it.server.dir")
    protected String serverDir;
}
