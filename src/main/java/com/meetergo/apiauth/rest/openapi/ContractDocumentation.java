package com.meetergo.apiauth.rest.openapi;

import com.meetergo.apiauth.application.CredentialActions;
import com.meetergo.apiauth.security.OwnerContextAllowed;
import com.meetergo.apiauth.security.RequiresScope;
import com.meetergo.apiauth.security.contract.ApiError;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ScopeRefusals;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * What the annotations cannot say once for all operations: the authentication contract. Every
 * operation under {@code /v4} (but the leak report, which web.xml leaves open) gets both security
 * schemes, the {@code x-meetergo-api-user-id} header, and the contract's error answers with their
 * exact bodies as examples, taken from {@link ContractError} — the same constants the server
 * answers with, so the description cannot drift from the behaviour. OpenApiIT checks that every
 * operation it calls secured really answers 401 without a credential.
 */
public class ContractDocumentation implements OASFilter {

    public static final String PAT_SCHEME = "personalAccessToken";
    public static final String API_KEY_SCHEME = "platformApiKey";
    public static final String ERROR_SCHEMA = "Error";
    private static final String USER_HEADER = "x-meetergo-api-user-id";
    private static final String RESOURCE_PACKAGE = "com.meetergo.apiauth.rest.";
    /** web.xml's one open path under /v4. */
    private static final List<String> OPEN = List.of("/v4/credential-revocation");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        var components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSecurityScheme(PAT_SCHEME, OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("rgo-<secret>")
                .description("Personal Access Token: acts as the user who owns it, with that user's role. Never"
                        + " together with x-meetergo-api-user-id (403)."));
        components.addSecurityScheme(API_KEY_SCHEME, OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("ak_live:<uuid>:<secret>")
                .description("Platform API Key of a company: acts as the user of the company named in"
                        + " x-meetergo-api-user-id."));
        components.addSchema(ERROR_SCHEMA, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("The one error shape of the API.")
                .addProperty("statusCode", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("error", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("statusCode", "message", "error")));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (path.startsWith("/v4/") && !OPEN.contains(path)) {
                secure(operation);
            }
            domainErrors(method.name() + " " + path).forEach((status, description) ->
                    errorResponse(operation, status, description));
        }));
    }

    /**
     * The answers of the application rather than of authentication (DomainException, the mappers),
     * by operation: an id that is not the company's is 404 (no existence oracle), a second rotation
     * or a duplicate email or slug 409.
     */
    private static Map<Integer, String> domainErrors(String operation) {
        var errors = new LinkedHashMap<Integer, String>();
        if (operation.contains("{id}") || operation.equals("POST /v4/appointment")) {
            errors.put(404, "Not found in the caller's company (another company's ids too)");
        }
        if (operation.equals("POST /provisioning/companies")) {
            errors.put(401, "Invalid provisioning secret");
            errors.put(404, "Not Found: no provisioning secret is configured");
            errors.put(429, "Too many failed attempts; retry later (with Retry-After)");
        }
        if (operation.equals("PUT /provisioning/companies/{companyId}/plan")) {
            errors.put(401, "Invalid provisioning secret");
            errors.put(404, "Company not found, or no provisioning secret is configured");
            errors.put(429, "Too many failed attempts; retry later (with Retry-After)");
        }
        if (operation.endsWith("/rotate")) {
            errors.put(409, "Only an active credential that has not been rotated can be rotated");
        }
        if (List.of("POST /v4/user", "PATCH /v4/user/{id}", "POST /provisioning/companies").contains(operation)) {
            errors.put(409, "A user with this email already exists");
        }
        if (operation.equals("POST /v4/meeting-type")) {
            errors.put(409, "You already have a meeting type with this slug");
        }
        if (!operation.startsWith("GET ") || operation.endsWith("/usage")) {
            errors.putIfAbsent(400, "Invalid request body or parameters; the validation messages joined by \"; \"");
        }
        return errors;
    }

    /** Adds an answer in the error shape, unless the operation already documents that status. */
    private static void errorResponse(Operation operation, int status, String description) {
        var responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (responses.hasAPIResponse(String.valueOf(status))) {
            return;
        }
        responses.addAPIResponse(String.valueOf(status), OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA)))));
    }

    /**
     * Both schemes, each naming the operation's scope (OpenAPI 3.1 allows role names for bearer
     * schemes; none for the scope-free ones), the user header, and the contract's answers, with
     * the scope rules' 403s among them.
     */
    private void secure(Operation operation) {
        var method = resourceMethod(operation.getOperationId());
        var scope = method.map(m -> m.getAnnotation(RequiresScope.class)).map(RequiresScope::value);
        List<String> scopes = scope.map(s -> List.of(s.apiName())).orElse(List.of());
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(PAT_SCHEME, scopes))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY_SCHEME, scopes));
        boolean ownerContext = method.map(m -> m.isAnnotationPresent(OwnerContextAllowed.class)).orElse(false);
        operation.addParameter(userHeader(ownerContext));
        var responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        errors(ownerContext).forEach((status, errors) -> {
            var content = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(ERROR_SCHEMA));
            for (var error : errors) {
                content.addExample(error.name().toLowerCase(Locale.ROOT), OASFactory.createExample()
                        .summary(error.body().message()).value(body(error.body())));
            }
            if (status == 403) {
                scope.ifPresent(s -> content.addExample("insufficient_scope", OASFactory.createExample()
                        .summary("The credential lacks the scope '" + s.apiName() + "' (with WWW-Authenticate:"
                                + " " + ScopeRefusals.challenge(s) + ")")
                        .value(body(ScopeRefusals.insufficientScope(s)))));
                if (mintsCredentials(operation.getOperationId())) {
                    content.addExample("scope_escalation", OASFactory.createExample()
                            .summary(ScopeRefusals.ESCALATION).value(body(ApiError.of(403, ScopeRefusals.ESCALATION))));
                    content.addExample("replaced_mints", OASFactory.createExample()
                            .summary(CredentialActions.REPLACED_MINTS)
                            .value(body(ApiError.of(403, CredentialActions.REPLACED_MINTS))));
                }
            }
            responses.addAPIResponse(String.valueOf(status), OASFactory.createAPIResponse()
                    .description(errors.get(0).body().error())
                    .content(OASFactory.createContent().addMediaType("application/json", content)));
        });
    }

    /** Creation and rotation of credentials: where a narrow credential could try to mint a broader one. */
    private static boolean mintsCredentials(String operationId) {
        return List.of("ApiKeyResource_create", "ApiKeyResource_rotate", "PersonalAccessTokenResource_create",
                "PersonalAccessTokenResource_rotate", "PersonalAccessTokenResource_rotateSelf").contains(operationId);
    }

    private static Parameter userHeader(boolean ownerContext) {
        return OASFactory.createParameter().name(USER_HEADER).in(Parameter.In.HEADER).required(false)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uuid"))
                .description(ownerContext
                        ? "With a Platform API Key: the user of the company to act as; without it the request acts"
                                + " as the company owner. Never with a Personal Access Token (403)."
                        : "With a Platform API Key: required, the user of the company to act as (400 without it)."
                                + " Never with a Personal Access Token (403).");
    }

    /** The contract's answers of a secured operation, by status. */
    private static Map<Integer, List<ContractError>> errors(boolean ownerContext) {
        var byStatus = new LinkedHashMap<Integer, List<ContractError>>();
        for (var error : ContractError.values()) {
            if (ownerContext && error == ContractError.MISSING_USER_HEADER) {
                continue;
            }
            byStatus.computeIfAbsent(error.status(), s -> new java.util.ArrayList<>()).add(error);
        }
        return byStatus;
    }

    private static Map<String, Object> body(ApiError error) {
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", error.statusCode());
        body.put("message", error.message());
        body.put("error", error.error());
        return body;
    }

    /** operationId is "Class_method" (mp.openapi.extensions.smallrye.operationIdStrategy=CLASS_METHOD). */
    private static Optional<Method> resourceMethod(String operationId) {
        if (operationId == null || !operationId.contains("_")) {
            return Optional.empty();
        }
        var split = operationId.indexOf('_');
        try {
            var type = Class.forName(RESOURCE_PACKAGE + operationId.substring(0, split));
            var name = operationId.substring(split + 1);
            return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
