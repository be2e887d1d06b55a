package com.meetergo.apiauth.rest.openapi;

import com.meetergo.apiauth.rest.ProvisioningSecretFilter;
import com.meetergo.apiauth.rest.Refusal;
import com.meetergo.apiauth.rest.Refuses;
import com.meetergo.apiauth.security.OwnerContextAllowed;
import com.meetergo.apiauth.security.RequiresScope;
import com.meetergo.apiauth.security.contract.ApiError;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ScopeRefusals;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the annotations cannot say once for all operations: the authentication contract. Every operation under
 * {@code /v4} (but the leak report, which web.xml leaves open) gets both security schemes, the
 * {@code x-meetergo-api-user-id} header, and the contract's error answers with their exact bodies as examples, taken
 * from {@link ContractError} — the same constants the server answers with, so the description cannot drift from the
 * behaviour. Each operation's own refusals are those its resource method declares ({@link Refuses}); its scope and
 * whether it acts as the owner by default, the annotations the filters enforce. OpenApiIT checks that every operation
 * it calls secured really answers 401 without a credential.
 */
public class ContractDocumentation implements OASFilter {

    public static final String PAT_SCHEME = "personalAccessToken";
    public static final String API_KEY_SCHEME = "platformApiKey";
    public static final String PROVISIONING_SCHEME = "provisioningSecret";
    public static final String INTROSPECTION_SCHEME = "introspectionClient";
    public static final String ERROR_SCHEMA = "Error";
    private static final String USER_HEADER = "x-meetergo-api-user-id";
    /** web.xml's one open path under /v4. */
    private static final List<String> OPEN = List.of("/v4/credential-revocation");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        var components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSecurityScheme(
                PAT_SCHEME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("rgo-<secret>")
                        .description("Personal Access Token: acts as the user who owns it, with that user's role. Never"
                                + " together with x-meetergo-api-user-id (403)."));
        components.addSecurityScheme(
                API_KEY_SCHEME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("ak_live:<uuid>:<secret>")
                        .description("Platform API Key of a company: acts as the user of the company named in"
                                + " x-meetergo-api-user-id."));
        components.addSecurityScheme(
                PROVISIONING_SCHEME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(ProvisioningSecretFilter.HEADER)
                        .description(
                                "The operator's provisioning secret (APIAUTH_PROVISIONING_SECRET), for the platform's"
                                        + " sign-up and billing."));
        components.addSecurityScheme(
                INTROSPECTION_SCHEME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                                "The introspection client the operator configured (APIAUTH_INTROSPECTION_CLIENT_ID and"
                                        + " _SECRET), RFC 6749 2.3.1."));
        components.addSchema(
                ERROR_SCHEMA,
                OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.OBJECT))
                        .description("The one error shape of the API.")
                        .addProperty("statusCode", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                        .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                        .addProperty("error", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                        .required(List.of("statusCode", "message", "error")));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                    var refusals = refusals(operation);
                    if (path.startsWith("/v4/") && !OPEN.contains(path)) {
                        secure(operation, refusals);
                    } else if (path.startsWith("/provisioning/")) {
                        operation.addSecurityRequirement(
                                OASFactory.createSecurityRequirement().addScheme(PROVISIONING_SCHEME));
                    } else if (path.equals("/oauth2/introspect") && method == PathItem.HttpMethod.POST) {
                        operation.addSecurityRequirement(
                                OASFactory.createSecurityRequirement().addScheme(INTROSPECTION_SCHEME));
                    } else {
                        // open, and saying so: no credential at all (the leak report; a GET of introspection, refused)
                        operation.setSecurity(new ArrayList<>());
                    }
                    refusals.forEach(r -> errorResponse(operation, r.status(), r.text()));
                }));
    }

    /** What the operation's resource method declares it refuses, in its order. */
    private static List<Refusal> refusals(Operation operation) {
        return resourceMethod(operation.getOperationId())
                .map(m -> m.getAnnotation(Refuses.class))
                .map(r -> List.of(r.value()))
                .orElse(List.of());
    }

    /** Adds an answer in the error shape, unless the operation already documents that status. */
    private static void errorResponse(Operation operation, int status, String description) {
        var responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (responses.hasAPIResponse(String.valueOf(status))) {
            return;
        }
        responses.addAPIResponse(
                String.valueOf(status),
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        "application/json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(ERROR_SCHEMA)))));
    }

    /**
     * Both schemes, each naming the operation's scope (OpenAPI 3.1 allows role names for bearer schemes; none for the
     * scope-free ones), the user header, and the contract's answers, with the scope rules' 403s and the operation's own
     * among them.
     */
    private void secure(Operation operation, List<Refusal> refusals) {
        var method = resourceMethod(operation.getOperationId());
        var scope = method.map(m -> m.getAnnotation(RequiresScope.class)).map(RequiresScope::value);
        List<String> scopes = scope.map(s -> List.of(s.apiName())).orElse(List.of());
        operation
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(PAT_SCHEME, scopes))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY_SCHEME, scopes));
        boolean ownerContext = method.map(m -> m.isAnnotationPresent(OwnerContextAllowed.class))
                .orElse(false);
        operation.addParameter(userHeader(ownerContext));
        var responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        errors(ownerContext).forEach((status, errors) -> {
            var content = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(ERROR_SCHEMA));
            for (var error : errors) {
                content.addExample(
                        error.name().toLowerCase(Locale.ROOT),
                        OASFactory.createExample()
                                .summary(error.body().message())
                                .value(body(error.body())));
            }
            if (status == 403) {
                scope.ifPresent(s -> content.addExample(
                        "insufficient_scope",
                        OASFactory.createExample()
                                .summary("The credential lacks the scope '" + s.apiName() + "' (with WWW-Authenticate:"
                                        + " " + ScopeRefusals.challenge(s) + ")")
                                .value(body(ScopeRefusals.insufficientScope(s)))));
                for (var refusal : refusals) {
                    if (refusal.status() == 403) {
                        content.addExample(
                                refusal.name().toLowerCase(Locale.ROOT),
                                OASFactory.createExample()
                                        .summary(refusal.text())
                                        .value(body(ApiError.of(403, refusal.text()))));
                    }
                }
            }
            responses.addAPIResponse(
                    String.valueOf(status),
                    OASFactory.createAPIResponse()
                            .description(errors.get(0).body().error())
                            .content(OASFactory.createContent().addMediaType("application/json", content)));
        });
    }

    private static Parameter userHeader(boolean ownerContext) {
        return OASFactory.createParameter()
                .name(USER_HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .schema(OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .format("uuid"))
                .description(
                        ownerContext
                                ? "With a Platform API Key: the user of the company to act as; "
                                        + "without it the request acts"
                                        + " as the company owner. Never with a Personal Access Token (403)."
                                : "With a Platform API Key: required, the user of the company to act "
                                        + "as (400 without it)."
                                        + " Never with a Personal Access Token (403).");
    }

    /** The contract's answers of a secured operation, by status. */
    private static Map<Integer, List<ContractError>> errors(boolean ownerContext) {
        var byStatus = new LinkedHashMap<Integer, List<ContractError>>();
        for (var error : ContractError.values()) {
            if (ownerContext && error == ContractError.MISSING_USER_HEADER) {
                continue;
            }
            byStatus.computeIfAbsent(error.status(), s -> new ArrayList<>()).add(error);
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

    private static Optional<Method> resourceMethod(String operationId) {
        return Optional.ofNullable(operationId).map(ResourceMethods.BY_OPERATION_ID::get);
    }
}
