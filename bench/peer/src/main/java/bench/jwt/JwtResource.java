package bench.jwt;

import bench.common.UserJson;
import bench.common.UserLookup;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** (d) The alternative: the same work behind Liberty's mpJwt; the token's upn is the user id. */
@Path("me")
public class JwtResource {

    @Inject
    UserLookup users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UserJson me(@Context SecurityContext security) {
        return users.me(security.getUserPrincipal().getName());
    }
}
