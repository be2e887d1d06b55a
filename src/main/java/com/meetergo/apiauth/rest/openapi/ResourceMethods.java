package com.meetergo.apiauth.rest.openapi;

import com.meetergo.apiauth.rest.ApiKeyResource;
import com.meetergo.apiauth.rest.AppointmentResource;
import com.meetergo.apiauth.rest.AuditEventResource;
import com.meetergo.apiauth.rest.CompanyPolicyResource;
import com.meetergo.apiauth.rest.CompanyResource;
import com.meetergo.apiauth.rest.CredentialRevocationResource;
import com.meetergo.apiauth.rest.IntrospectionResource;
import com.meetergo.apiauth.rest.MeetingTypeResource;
import com.meetergo.apiauth.rest.PersonalAccessTokenResource;
import com.meetergo.apiauth.rest.ProvisioningResource;
import com.meetergo.apiauth.rest.UserResource;
import com.meetergo.apiauth.rest.WebhookEndpointResource;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The resource method behind each operation of /openapi, by the {@code operationId} its {@code @Operation} declares:
 * what {@link ContractDocumentation} reads the method's scope, owner context and refusals from. Typed, so that a
 * resource that moves or is renamed fails the build, not the document.
 */
final class ResourceMethods {

    /**
     * The resources /openapi describes: every class of rest/ with a {@code @Path} but the gateway's check, which the
     * document leaves out (ResourceMethodsTest keeps the two equal).
     */
    static final List<Class<?>> RESOURCES = List.of(
            ApiKeyResource.class,
            AppointmentResource.class,
            AuditEventResource.class,
            CompanyPolicyResource.class,
            CompanyResource.class,
            CredentialRevocationResource.class,
            IntrospectionResource.class,
            MeetingTypeResource.class,
            PersonalAccessTokenResource.class,
            ProvisioningResource.class,
            UserResource.class,
            WebhookEndpointResource.class);

    static final Map<String, Method> BY_OPERATION_ID = byOperationId();

    private ResourceMethods() {}

    private static Map<String, Method> byOperationId() {
        var methods = new HashMap<String, Method>();
        for (var resource : RESOURCES) {
            for (var method : resource.getMethods()) {
                var operation = method.getAnnotation(Operation.class);
                if (operation != null && methods.put(operation.operationId(), method) != null) {
                    throw new IllegalStateException("two operations named " + operation.operationId());
                }
            }
        }
        return Map.copyOf(methods);
    }
}
