package com.meetergo.apiauth.security.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.security.NoScopeRequired;
import com.meetergo.apiauth.security.OwnerContextAllowed;
import com.meetergo.apiauth.security.RequiresScope;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped route table names exactly the v4 endpoints this WAR serves, each with the scope its annotation declares,
 * its owner-by-default mark and its roles ({@code @RolesAllowed}): a new endpoint, or a scope changed, fails here until
 * the table says the same. On a difference, the table the annotations imply is printed.
 */
class GatewayRoutesTest {

    /** The paths web.xml leaves open: a security constraint without an auth-constraint. */
    private static Set<String> openPaths() throws Exception {
        var xml = Files.readString(java.nio.file.Path.of("src/main/webapp/WEB-INF/web.xml"));
        var open = new HashSet<String>();
        var constraint = Pattern.compile("<security-constraint>(.*?)</security-constraint>", Pattern.DOTALL)
                .matcher(xml);
        while (constraint.find()) {
            if (!constraint.group(1).contains("<auth-constraint>")) {
                var pattern =
                        Pattern.compile("<url-pattern>([^<]*)</url-pattern>").matcher(constraint.group(1));
                while (pattern.find()) {
                    open.add(pattern.group(1));
                }
            }
        }
        return open;
    }

    @Test
    void theShippedTableIsTheWarsEndpointsWithTheirScopes() throws Exception {
        var open = openPaths();
        var fromAnnotations = new TreeSet<String>();
        for (var imported : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.meetergo.apiauth.rest")) {
            var type = Class.forName(imported.getName());
            var root = type.getAnnotation(Path.class);
            if (root == null || !root.value().replaceFirst("^/", "").startsWith("v4/")) {
                continue;
            }
            for (var method : type.getDeclaredMethods()) {
                var http = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                        .filter(Objects::nonNull)
                        .findFirst();
                if (http.isEmpty()) {
                    continue;
                }
                var path = "/" + root.value().replaceFirst("^/", "").replaceFirst("/$", "");
                var sub = method.getAnnotation(Path.class);
                if (sub != null) {
                    path += "/" + sub.value().replaceFirst("^/", "");
                }
                var scope = open.contains(path)
                        ? "open"
                        : method.isAnnotationPresent(NoScopeRequired.class)
                                ? "-"
                                : method.getAnnotation(RequiresScope.class)
                                        .value()
                                        .apiName();
                var allowed = method.isAnnotationPresent(RolesAllowed.class)
                        ? method.getAnnotation(RolesAllowed.class)
                        : type.getAnnotation(RolesAllowed.class);
                fromAnnotations.add(line(
                        http.get().value(),
                        path,
                        scope,
                        method.isAnnotationPresent(OwnerContextAllowed.class),
                        allowed == null ? Set.of() : Set.of(allowed.value())));
            }
        }
        var shipped = RouteTable.shipped().routes().stream()
                .map(r -> line(
                        r.method(),
                        r.template(),
                        r.open() ? "open" : r.scope() == null ? "-" : r.scope().apiName(),
                        r.ownerByDefault(),
                        r.roles()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                String.join("\n", fromAnnotations),
                String.join("\n", shipped),
                "gateway/routes.txt differs from the endpoints' annotations");
    }

    private static String line(String method, String path, String scope, boolean ownerByDefault, Set<String> roles) {
        return String.format(
                        "%-7s %-45s %-20s %-16s %s",
                        method,
                        path,
                        scope,
                        ownerByDefault ? "owner-by-default" : "",
                        roles.isEmpty() ? "" : "roles=" + String.join(",", new TreeSet<>(roles)))
                .stripTrailing();
    }
}
