package bench.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The gateway floor's check (bench/run, case h): 200 to every request, reading nothing, on the same
 * Liberty as api-auth's check. What a gateway pays for asking any Java service at all.
 */
@Path("allow")
public class AllowResource {

    @GET
    public Response allow() {
        return Response.ok().build();
    }
}
