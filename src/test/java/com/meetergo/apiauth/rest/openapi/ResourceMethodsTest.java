package com.meetergo.apiauth.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.rest.GatewayCheckResource;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * The document's operations are the resources' methods, each named once, as a generated client names its methods: a
 * resource added to rest/ and not to {@link ResourceMethods#RESOURCES} would lose its scope and refusals in /openapi.
 */
class ResourceMethodsTest {

    @Test
    void theListHoldsEveryResourceButTheGatewayCheck() {
        Set<String> resources = new ClassFileImporter()
                        .withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("com.meetergo.apiauth.rest")
                        .stream()
                        .filter(c -> c.getPackageName().equals("com.meetergo.apiauth.rest"))
                        .filter(c -> c.isAnnotatedWith(Path.class))
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());
        resources.remove(GatewayCheckResource.class.getName());
        assertEquals(
                resources,
                ResourceMethods.RESOURCES.stream().map(Class::getName).collect(Collectors.toSet()));
    }

    @Test
    void everyEndpointHasItsOwnOperationIdThatReadsAsWhatItDoes() {
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> twice = new ArrayList<>();
        List<String> badlyNamed = new ArrayList<>();
        for (var resource : ResourceMethods.RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Arrays.stream(method.getAnnotations())
                        .noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                var operation = method.getAnnotation(Operation.class);
                if (operation == null || operation.operationId().isEmpty()) {
                    missing.add(resource.getSimpleName() + "." + method.getName());
                    continue;
                }
                if (!ids.add(operation.operationId())) {
                    twice.add(operation.operationId());
                }
                // a verb, then what it acts on: createApiKey, revokeToken, listWebhookDeliveries
                if (!operation
                        .operationId()
                        .matches("(get|list|create|set|update|delete|revoke|activate|deactivate"
                                + "|rotate|book|report|introspect|provision|change|enable|send)[A-Z][A-Za-z]+")) {
                    badlyNamed.add(operation.operationId());
                }
            }
        }
        assertEquals(List.of(), missing, "endpoints without an operationId");
        assertEquals(List.of(), twice, "operationIds used twice");
        assertEquals(List.of(), badlyNamed, "operationIds that do not start with what they do");
        assertEquals(ids, ResourceMethods.BY_OPERATION_ID.keySet());
        assertTrue(ids.containsAll(List.of("createApiKey", "revokeToken")));
    }
}
