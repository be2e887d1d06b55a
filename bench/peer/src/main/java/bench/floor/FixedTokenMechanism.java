package bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The cheapest mechanism there is: one fixed token held in memory. What Liberty's security costs alone. */
@ApplicationScoped
public class FixedTokenMechanism implements HttpAuthenticationMechanism {

    @Inject
    @ConfigProperty(name = "bench.floor.token")
    String token;

    private byte[] expected;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (expected == null) {
            expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        }
        var header = request.getHeader("Authorization");
        if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            return context.notifyContainerAboutLogin("bench", Set.of("user"));
        }
        return context.responseUnauthorized();
    }
}
