package com.meetergo.apiauth.security.gateway;

import com.meetergo.apiauth.security.EndpointRules;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The route table a gateway's check is judged by: the shipped one, or the file that {@code apiauth.gateway.routes}
 * ({@code APIAUTH_GATEWAY_ROUTES}) names, read once at start. A table that does not read stops the application from
 * starting: a check that half knows its routes would refuse, or allow, what its operator did not mean.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class.getName());

    private static final String ROUTE = GatewayRoutes.class.getName() + ".route";

    @Inject
    @ConfigProperty(name = "apiauth.gateway.routes", defaultValue = "shipped")
    String source;

    private RouteTable table;

    /** Each resource method's rules, read from its annotations once. */
    private final Map<Method, EndpointRules> declared = new ConcurrentHashMap<>();

    private static final Method NO_METHOD;

    static {
        try {
            NO_METHOD = Object.class.getMethod("toString");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @PostConstruct
    void load() {
        if (source == null || source.isBlank() || source.equals("shipped")) {
            table = RouteTable.shipped();
        } else {
            var file = Path.of(source);
            try {
                table = RouteTable.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("apiauth.gateway.routes: cannot read " + file, e);
            }
        }
        LOG.info("Gateway check: " + table.routes().size() + " routes from "
                + (source == null || source.isBlank() || source.equals("shipped") ? RouteTable.SHIPPED : source));
    }

    /** Whether this request is a gateway's check that needs a credential: every route but an open one. */
    public boolean needsCredential(HttpServletRequest request) {
        return ForwardedRequest.isCheck(request)
                && route(request).map(r -> !r.open()).orElse(true);
    }

    /** The route of the client's request a check asks about; empty when none (refused). */
    public Optional<RouteTable.Route> route(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        var known = (Optional<RouteTable.Route>) request.getAttribute(ROUTE);
        if (known == null) {
            known = ForwardedRequest.of(request).flatMap(f -> table.match(f.method(), f.uri()));
            request.setAttribute(ROUTE, known);
        }
        return known;
    }

    /**
     * The rules of the endpoint serving this request: its annotations, or, for the gateway's check
     * ({@link JudgedByRouteTable}), the route of the client's request.
     */
    public EndpointRules rulesFor(Method method, HttpServletRequest request) {
        if (method != null && method.isAnnotationPresent(JudgedByRouteTable.class)) {
            return rules(request);
        }
        return declared.computeIfAbsent(
                method == null ? NO_METHOD : method, m -> m == NO_METHOD ? EndpointRules.CLOSED : EndpointRules.of(m));
    }

    /** What the route of this check declares, as an endpoint's annotations do; closed when no route. */
    public EndpointRules rules(HttpServletRequest request) {
        return route(request)
                .map(r -> new EndpointRules(r.ownerByDefault(), r.scope() == null, r.scope(), r.roles()))
                .orElse(EndpointRules.CLOSED);
    }
}
