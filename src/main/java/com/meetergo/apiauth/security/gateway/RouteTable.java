package com.meetergo.apiauth.security.gateway;

import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.security.Roles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The routes of the platform's v4 API as a gateway check sees them: for each method and path template, the scope a
 * credential must hold ({@code -}: any credential, whatever its scopes; {@code open}: no credential at all, as the leak
 * report) and whether an API key may call it without {@code x-meetergo-api-user-id}, acting as the owner. Operators own
 * the table; the one shipped ({@code gateway/routes.txt}) names the endpoints this WAR serves, with the scopes their
 * annotations declare ({@code GatewayRoutesTest} keeps the two equal).
 *
 * <p>A path that no route names, or that could mean another path once decoded or normalised (a {@code .} or {@code ..}
 * segment, an empty one, an encoded {@code /} or {@code \}, a control character, malformed percent-encoding), matches
 * nothing: the check refuses what the table does not name, as {@code ScopeFilter} refuses an endpoint that declares no
 * scope. Of several matching templates the most literal wins, segment by segment from the left, as JAX-RS chooses
 * ({@code /v4/user/me} before {@code /v4/user/{id}}).
 */
public final class RouteTable {

    /** The classpath resource of the shipped table (the build copies {@code gateway/routes.txt} there). */
    public static final String SHIPPED = "META-INF/gateway/routes.txt";

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*}");
    private static final String OWNER_BY_DEFAULT = "owner-by-default";
    private static final String ROLES = "roles=";
    private static final Set<String> GROUPS = Set.of(Roles.OWNER, Roles.ADMIN, Roles.MEMBER, Roles.USER_MANAGER);

    /**
     * One route: {@code scope} is null when the route needs none; an {@code open} route needs no credential;
     * {@code roles} are the groups of which the caller must hold one (as {@code @RolesAllowed}; empty: any role).
     */
    public record Route(
            String method, String template, Scope scope, boolean open, boolean ownerByDefault, Set<String> roles) {

        public Route {
            roles = Set.copyOf(roles);
        }

        List<String> segments() {
            return List.of(template.substring(1).split("/", -1));
        }
    }

    /** A route with its template split once, for {@link #match}: a check runs on every request. */
    private record Compiled(Route route, List<String> segments) {}

    private final List<Route> routes;

    /**
     * The routes by method and number of segments (only those can match), the most literal first: the first that
     * matches is the best. Two routes of one method and length that both match a path would have the same shape, which
     * {@link #parse} refuses.
     */
    private final Map<String, List<Compiled>> byShape;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        var grouped = new HashMap<String, List<Compiled>>();
        for (var route : this.routes) {
            var segments = route.segments();
            grouped.computeIfAbsent(shapeKey(route.method(), segments.size()), k -> new ArrayList<>())
                    .add(new Compiled(route, segments));
        }
        grouped.values()
                .forEach(list -> list.sort(Comparator.comparing(Compiled::segments, RouteTable::moreLiteral)
                        .reversed()));
        grouped.replaceAll((shape, list) -> List.copyOf(list));
        this.byShape = Map.copyOf(grouped);
    }

    private static String shapeKey(String method, int segments) {
        return method + " " + segments;
    }

    public List<Route> routes() {
        return routes;
    }

    /** The table shipped in the WAR. */
    public static RouteTable shipped() {
        try (InputStream in = RouteTable.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped route table " + SHIPPED + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a table: one route a line, {@code METHOD /path/{variable} scope [owner-by-default] [roles=OWNER,ADMIN]},
     * separated by spaces or tabs; {@code #} starts a comment. Anything else stops the reading with the line it is on:
     * a table that is half read would refuse, or allow, what its operator did not mean.
     */
    public static RouteTable parse(String text, String source) {
        var routes = new ArrayList<Route>();
        var seen = new HashSet<String>();
        var lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            var line = lines[n].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            var where = source + ", line " + (n + 1) + ": ";
            var columns = line.split("[ \t]+");
            if (columns.length < 3 || columns.length > 5) {
                throw new IllegalArgumentException(
                        where + "expected METHOD PATH SCOPE [" + OWNER_BY_DEFAULT + "] [" + ROLES + "ROLE,...]");
            }
            var method = columns[0];
            if (!METHOD.matcher(method).matches()) {
                throw new IllegalArgumentException(where + "the method must be upper case, e.g. GET");
            }
            var template = columns[1];
            checkTemplate(template, where);
            Scope scope = null;
            boolean open = columns[2].equals("open");
            if (!open && !columns[2].equals("-")) {
                scope = Scope.named(columns[2])
                        .orElseThrow(() -> new IllegalArgumentException(where + "unknown scope " + columns[2]));
            }
            boolean ownerByDefault = false;
            Set<String> roles = null;
            for (int c = 3; c < columns.length; c++) {
                if (columns[c].equals(OWNER_BY_DEFAULT) && !ownerByDefault) {
                    ownerByDefault = true;
                } else if (columns[c].startsWith(ROLES) && roles == null) {
                    roles = roles(columns[c].substring(ROLES.length()), where);
                } else {
                    throw new IllegalArgumentException(where + "after the scope only " + OWNER_BY_DEFAULT + " and "
                            + ROLES + "ROLE,... may follow, once each");
                }
            }
            if (open && (ownerByDefault || roles != null)) {
                throw new IllegalArgumentException(where + "an open route acts as nobody: no owner, no role");
            }
            var shape = method + " " + template.replaceAll(VARIABLE.pattern(), "{}");
            if (!seen.add(shape)) {
                throw new IllegalArgumentException(where + "a second route for " + method + " " + template);
            }
            routes.add(new Route(method, template, scope, open, ownerByDefault, roles == null ? Set.of() : roles));
        }
        return new RouteTable(routes);
    }

    private static Set<String> roles(String list, String where) {
        var roles = new TreeSet<String>();
        for (var role : list.split(",", -1)) {
            if (!GROUPS.contains(role) || !roles.add(role)) {
                throw new IllegalArgumentException(
                        where + "roles are one or more of " + new TreeSet<>(GROUPS) + ", comma-separated, each once");
            }
        }
        return roles;
    }

    private static void checkTemplate(String template, String where) {
        if (!template.startsWith("/") || template.length() == 1 || template.endsWith("/")) {
            throw new IllegalArgumentException(where + "a path starts with / and does not end with one: " + template);
        }
        for (var segment : template.substring(1).split("/", -1)) {
            if (segment.isEmpty()
                    || segment.equals(".")
                    || segment.equals("..")
                    || (segment.contains("{") || segment.contains("}"))
                            && !VARIABLE.matcher(segment).matches()
                    || !segment.contains("{") && !segment.matches("[A-Za-z0-9._~-]+")) {
                throw new IllegalArgumentException(where + "a segment is a name or a whole {variable}: " + template);
            }
        }
    }

    /**
     * The route of a request, by its method and its path as the client sent it (a query string is ignored); empty when
     * no route names it, or when the path is ambiguous. HEAD is GET's route unless the table names HEAD itself.
     */
    public Optional<Route> match(String method, String rawPath) {
        if (method == null || rawPath == null) {
            return Optional.empty();
        }
        var segments = segments(rawPath);
        if (segments == null) {
            return Optional.empty();
        }
        var upper = method.toUpperCase(Locale.ROOT);
        var found = best(upper, segments);
        if (found.isEmpty() && upper.equals("HEAD")) {
            found = best("GET", segments);
        }
        return found;
    }

    private Optional<Route> best(String method, List<String> segments) {
        for (var candidate : byShape.getOrDefault(shapeKey(method, segments.size()), List.of())) {
            if (matches(candidate.segments(), segments)) {
                return Optional.of(candidate.route());
            }
        }
        return Optional.empty();
    }

    /** Positive when {@code a} has a literal where {@code b} first has a variable. */
    private static int moreLiteral(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            boolean literalA = !a.get(i).startsWith("{");
            boolean literalB = !b.get(i).startsWith("{");
            if (literalA != literalB) {
                return literalA ? 1 : -1;
            }
        }
        return 0;
    }

    private static boolean matches(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < template.size(); i++) {
            var t = template.get(i);
            if (!t.startsWith("{") && !t.equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The decoded segments of a path, or null when it is not one unambiguous path. */
    private static List<String> segments(String rawPath) {
        var path = rawPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (!path.startsWith("/") || path.length() == 1 || path.endsWith("/") || path.indexOf('#') >= 0) {
            return null;
        }
        var decoded = new ArrayList<String>();
        for (var segment : path.substring(1).split("/", -1)) {
            var value = decode(segment);
            if (value == null
                    || value.isEmpty()
                    || value.equals(".")
                    || value.equals("..")
                    || value.contains("/")
                    || value.contains("\\")
                    || hasControl(value)) {
                return null;
            }
            decoded.add(value);
        }
        return decoded;
    }

    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Strict percent-decoding (UTF-8, no {@code +}); null when malformed. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            for (int i = 0; i < segment.length(); i++) {
                if (segment.charAt(i) > 0x7e) {
                    return null;
                }
            }
            return segment;
        }
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return null;
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x7e) {
                return null; // a raw non-ASCII byte: not a URI as sent on the wire
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
