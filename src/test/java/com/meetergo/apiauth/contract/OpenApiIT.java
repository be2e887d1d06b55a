package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.rest.GatewayCheckResource;
import com.meetergo.apiauth.rest.RestApplication;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API description at /openapi: every resource method of the WAR is in it, both credential types are its security
 * schemes, the user header is described where it applies, the contract's six documented errors are there with their
 * exact bodies, and what it calls secured really is.
 */
class OpenApiIT extends ApiTest {

    /** The contract's "Error responses", word for word (docs/contract.md). */
    private static final List<String> CONTRACT_ERRORS = List.of("""
            {"statusCode": 401, "message": "Missing authorization header", "error": "Unauthorized"}""", """
            {"statusCode": 401, "message": "Invalid API key", "error": "Unauthorized"}""", """
            {"statusCode": 401, "message": "API key has expired", "error": "Unauthorized"}""", """
            {"statusCode": 403, "message": "The 'x-meetergo-api-user-id' header requires a Platform API Key.\
             Personal Access Tokens always act as the token owner and cannot act on behalf of other users.",\
             "error": "Forbidden"}""", """
            {"statusCode": 400, "message": "Missing required header 'x-meetergo-api-user-id' for API key\
             authentication", "error": "Bad Request"}""", """
            {"statusCode": 500, "message": "API user does not belong to company", "error": "Internal Server Error"}""");

    private static JsonObject document;

    @BeforeAll
    static void readTheDocument() {
        var answer = Api.get("/openapi?format=JSON").send();
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("application/json", answer.contentType().split(";")[0].strip());
        document = answer.object();
    }

    /** Every JAX-RS resource method in the WAR's classes, as "get /v4/user/me". */
    private static List<String> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        var classes = Path.of(RestApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        var operations = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(classes.resolve("com/meetergo/apiauth/rest"), 1)) {
            for (var file : (Iterable<Path>) files::iterator) {
                var name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                var type = Class.forName("com.meetergo.apiauth.rest." + name.replace(".class", ""));
                var root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || type == GatewayCheckResource.class) {
                    // (the gateway's check is for gateways, documented in docs/gateway.md, not for clients)
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    var verb = Stream.of(method.getAnnotations())
                            .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                            .filter(h -> h != null)
                            .findFirst();
                    if (verb.isPresent()) {
                        var sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        operations.add(verb.get().value().toLowerCase(Locale.ROOT) + " /" + root.value()
                                + (sub == null ? "" : "/" + sub.value()));
                    }
                }
            }
        }
        return operations;
    }

    @Test
    void everyResourceMethodIsDescribed() throws Exception {
        var operations = resourceMethods();
        assertTrue(operations.size() >= 25, "found the resources: " + operations);
        var paths = document.getJsonObject("paths");
        for (var operation : operations) {
            var verb = operation.substring(0, operation.indexOf(' '));
            var path = operation.substring(operation.indexOf(' ') + 1);
            assertTrue(
                    paths.containsKey(path) && paths.getJsonObject(path).containsKey(verb),
                    operation + " is missing from /openapi");
        }
    }

    /** What /openapi/ui lists: a summary and a description per operation, grouped by described tags. */
    @Test
    void everyOperationHasASummaryADescriptionAndADescribedTag() {
        var tags = new HashSet<String>();
        document.getJsonArray("tags").forEach(t -> {
            assertFalse(t.asJsonObject().getString("description", "").isBlank(), t::toString);
            tags.add(t.asJsonObject().getString("name"));
        });
        var paths = document.getJsonObject("paths");
        int operations = 0;
        for (var path : paths.keySet()) {
            for (var entry : paths.getJsonObject(path).entrySet()) {
                if (entry.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                var operation = entry.getValue().asJsonObject();
                var name = entry.getKey() + " " + path;
                assertFalse(operation.getString("summary", "").isBlank(), name + " has no summary");
                assertFalse(operation.getString("description", "").isBlank(), name + " has no description");
                assertEquals(1, operation.getJsonArray("tags").size(), name + " tags");
                assertTrue(tags.contains(operation.getJsonArray("tags").getString(0)), name + " has an undeclared tag");
                operations++;
            }
        }
        assertTrue(operations >= 25, "operations: " + operations);
    }

    /** A field that is null in real answers is declared so (OpenAPI 3.1: a type that includes "null"). */
    @Test
    void fieldsThatCanBeNullAreDeclaredNullable() {
        assertEquals("3.1.0", document.getString("openapi"));
        var schemas = document.getJsonObject("components").getJsonObject("schemas");
        var stringOrNull = json("""
                ["string", "null"]""");
        for (var view : List.of("ApiKeyView", "PersonalAccessTokenView")) {
            for (var field : List.of("lastUsedAt", "lastUsedIp", "graceUntil", "rotatedFrom", "replacedBy")) {
                assertEquals(
                        stringOrNull,
                        schemas.getJsonObject(view)
                                .getJsonObject("properties")
                                .getJsonObject(field)
                                .get("type"),
                        view + "." + field);
            }
        }
        for (var view : List.of("PersonalAccessTokenView", "CreatedPersonalAccessTokenView")) {
            assertEquals(
                    stringOrNull,
                    schemas.getJsonObject(view)
                            .getJsonObject("properties")
                            .getJsonObject("expiresAt")
                            .get("type"),
                    view + ".expiresAt");
        }
        assertEquals(
                stringOrNull,
                schemas.getJsonObject("AuditEventView")
                        .getJsonObject("properties")
                        .getJsonObject("subjectUserId")
                        .get("type"));
        // and what is never null stays a plain string: an API key always expires
        assertEquals(
                json("\"string\""),
                schemas.getJsonObject("ApiKeyView")
                        .getJsonObject("properties")
                        .getJsonObject("expiresAt")
                        .get("type"));
    }

    @Test
    void bothCredentialTypesAreBearerSchemes() {
        var schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals(json("""
                {"type": "http", "scheme": "bearer", "bearerFormat": "rgo-<secret>", "description": "Personal Access\
                 Token: acts as the user who owns it, with that user's role. Never together with\
                 x-meetergo-api-user-id (403)."}"""), schemes.get("personalAccessToken"));
        assertEquals(json("""
                {"type": "http", "scheme": "bearer", "bearerFormat": "ak_live:<uuid>:<secret>", "description":\
                 "Platform API Key of a company: acts as the user of the company named in x-meetergo-api-user-id."}\
                """), schemes.get("platformApiKey"));
    }

    /** The callers that are not API clients say what they present, so that every operation declares its security. */
    @Test
    void provisioningAndIntrospectionNameWhatTheirCallersPresent() {
        var schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals(json("""
                {"type": "apiKey", "in": "header", "name": "x-provisioning-secret", "description": "The operator's\
                 provisioning secret (APIAUTH_PROVISIONING_SECRET), for the platform's sign-up and billing."}"""), schemes.get("provisioningSecret"));
        assertEquals(json("""
                {"type": "http", "scheme": "basic", "description": "The introspection client the operator configured\
                 (APIAUTH_INTROSPECTION_CLIENT_ID and _SECRET), RFC 6749 2.3.1."}"""), schemes.get("introspectionClient"));
        var paths = document.getJsonObject("paths");
        assertEquals(
                json("[{\"provisioningSecret\": []}]"),
                paths.getJsonObject("/provisioning/companies")
                        .getJsonObject("post")
                        .get("security"));
        assertEquals(
                json("[{\"provisioningSecret\": []}]"),
                paths.getJsonObject("/provisioning/companies/{companyId}/plan")
                        .getJsonObject("put")
                        .get("security"));
        assertEquals(
                json("[{\"introspectionClient\": []}]"),
                paths.getJsonObject("/oauth2/introspect").getJsonObject("post").get("security"));
    }

    @Test
    void theSixDocumentedErrorsAreExamplesWithTheirExactBodies() {
        var examples = new HashSet<JsonValue>();
        var paths = document.getJsonObject("paths");
        for (var path : paths.values()) {
            for (var operation : path.asJsonObject().values()) {
                if (operation.getValueType() != JsonValue.ValueType.OBJECT
                        || !operation.asJsonObject().containsKey("responses")) {
                    continue;
                }
                for (var response :
                        operation.asJsonObject().getJsonObject("responses").values()) {
                    var content = response.asJsonObject().getJsonObject("content");
                    if (content != null
                            && content.containsKey("application/json")
                            && content.getJsonObject("application/json").containsKey("examples")) {
                        content.getJsonObject("application/json")
                                .getJsonObject("examples")
                                .values()
                                .forEach(e -> examples.add(e.asJsonObject().get("value")));
                    }
                }
            }
        }
        for (var error : CONTRACT_ERRORS) {
            assertTrue(examples.contains(json(error)), "not in /openapi: " + error);
        }
        var missing = document.getJsonObject("paths")
                .getJsonObject("/v4/meeting-type")
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("401")
                .getJsonObject("content")
                .getJsonObject("application/json");
        assertEquals(json("""
                {"$ref": "#/components/schemas/Error"}"""), missing.get("schema"));
    }

    @Test
    void theUserHeaderIsDescribedWhereItApplies() {
        var paths = document.getJsonObject("paths");
        assertEquals(json("""
                {"name": "x-meetergo-api-user-id", "in": "header", "required": false,\
                 "schema": {"type": "string", "format": "uuid"}, "description": "With a Platform API Key: the user\
                 of the company to act as; without it the request acts as the company owner. Never with a Personal\
                 Access Token (403)."}"""), userHeader(paths.getJsonObject("/v4/user/me").getJsonObject("get")));
        assertEquals(
                json("""
                {"name": "x-meetergo-api-user-id", "in": "header", "required": false,\
                 "schema": {"type": "string", "format": "uuid"}, "description": "With a Platform API Key: required,\
                 the user of the company to act as (400 without it). Never with a Personal Access Token (403)."}\
                """), userHeader(paths.getJsonObject("/v4/meeting-type").getJsonObject("get")));
        var report = paths.getJsonObject("/v4/credential-revocation").getJsonObject("post");
        assertEquals(null, userHeader(report));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, report.get("security"), "the leak report needs no credential");
    }

    /** What the description calls secured answers the contract's 401 without a credential. */
    @Test
    void everyOperationDescribedAsSecuredRefusesARequestWithoutCredential() {
        var paths = document.getJsonObject("paths");
        int secured = 0;
        for (var path : paths.keySet()) {
            for (var entry : paths.getJsonObject(path).entrySet()) {
                if (entry.getValue().getValueType() != JsonValue.ValueType.OBJECT
                        || !EveryOperationIT.securedByACredential(
                                entry.getValue().asJsonObject())) {
                    continue;
                }
                var concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                var request = switch (entry.getKey()) {
                    case "get" -> Api.get(concrete);
                    case "post" -> Api.post(concrete, "{}");
                    case "patch" -> Api.patch(concrete, "{}");
                    case "put" -> Api.put(concrete, "{}");
                    case "delete" -> Api.delete(concrete);
                    default -> throw new AssertionError("unexpected method " + entry.getKey() + " " + path);
                };
                assertUnauthorized(request.send(), "Missing authorization header");
                secured++;
            }
        }
        assertTrue(secured >= 20, "secured operations: " + secured);
    }

    @Test
    void theUserInterfaceIsServed() {
        var ui = Api.get("/openapi/ui/").send();
        assertEquals(200, ui.status(), ui::toString);
        assertEquals("text/html", ui.contentType().split(";")[0].strip());
    }

    private static JsonValue userHeader(JsonObject operation) {
        var parameters = operation.getJsonArray("parameters");
        if (parameters == null) {
            return null;
        }
        return parameters.stream()
                .filter(p -> "x-meetergo-api-user-id".equals(p.asJsonObject().getString("name")))
                .findFirst()
                .orElse(null);
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
