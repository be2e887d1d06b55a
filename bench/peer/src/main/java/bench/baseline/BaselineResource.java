package bench.baseline;

import bench.common.UserJson;
import bench.common.UserLookup;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** (a) The baseline: the user named by a header, no authentication at all. */
@Path("me")
public class BaselineResource {

    @Inject
    UserLookup users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UserJson me(@HeaderParam("x-user-id") String userId) {
        return users.me(userId);
    }
}
