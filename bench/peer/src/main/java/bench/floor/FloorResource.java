package bench.floor;

import bench.common.UserJson;
import bench.common.UserLookup;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** (e) The floor: the baseline's work behind Liberty's security with a mechanism that does nothing. */
@Path("me")
public class FloorResource {

    @Inject
    UserLookup users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UserJson me(@HeaderParam("x-user-id") String userId) {
        return users.me(userId);
    }
}
