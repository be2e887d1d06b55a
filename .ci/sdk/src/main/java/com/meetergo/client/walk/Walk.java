package com.meetergo.client.walk;

import com.meetergo.client.ApiClient;
import com.meetergo.client.ApiException;
import com.meetergo.client.api.ApiKeysApi;
import com.meetergo.client.api.UsersApi;
import com.meetergo.client.model.CreateApiKeyRequest;
import java.util.UUID;

/**
 * The first calls of the walkthrough, made through the client openapi-generator made of /openapi,
 * as an integrator would: who am I with the owner's PAT, an API key created, the key acting as the
 * owner, the key revoked and then refused, and a call without a credential refused. Arguments: the
 * server's base URL and the owner's PAT.
 */
public final class Walk {

    public static void main(String[] args) throws ApiException {
        var owner = client(args[0], args[1]);
        var me = new UsersApi(owner).getCurrentUser(null);
        check("OWNER".equals(me.getRole().getValue()), "the owner's PAT acts as the owner: " + me);

        var keys = new ApiKeysApi(owner);
        var created = keys.createApiKey(new CreateApiKeyRequest().name("Generated client").expiresInDays(1), null);
        check(created.getKey().startsWith("ak_live:"), "a created key is shown once");
        var asOwner = new UsersApi(client(args[0], created.getKey())).getCurrentUser(UUID.fromString(me.getId()));
        check(me.getId().equals(asOwner.getId()), "the key acts as the user it names");

        keys.revokeApiKey(created.getId(), null);
        refused(() -> new UsersApi(client(args[0], created.getKey())).getCurrentUser(UUID.fromString(me.getId())),
                401, "{\"statusCode\":401,\"message\":\"Invalid API key\",\"error\":\"Unauthorized\"}");
        var anonymous = new ApiClient();
        anonymous.updateBaseUri(args[0]);
        refused(() -> new UsersApi(anonymous).getCurrentUser(null), 401,
                "{\"statusCode\":401,\"message\":\"Missing authorization header\",\"error\":\"Unauthorized\"}");
        System.out.println("the generated client walked: getCurrentUser, createApiKey, revokeApiKey, and two refusals");
    }

    private static ApiClient client(String base, String credential) {
        var client = new ApiClient();
        client.updateBaseUri(base);
        return client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + credential));
    }

    private interface Call {
        Object run() throws ApiException;
    }

    private static void refused(Call call, int status, String body) {
        try {
            call.run();
        } catch (ApiException e) {
            check(e.getCode() == status && body.equals(e.getResponseBody()),
                    "expected " + status + " " + body + ", got " + e.getCode() + " " + e.getResponseBody());
            return;
        }
        throw new AssertionError("expected " + status + " " + body + ", got an answer");
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }
}
