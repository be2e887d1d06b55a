package bench.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * {@code GET /baseline/pool}: what Liberty's connection manager says about each pool (its
 * ConnectionManagerMBean's showPoolContents: every connection, free or in use, and the
 * transaction or thread it belongs to). bench/run saves it with the thread dump when requests
 * stall. Benchmark server only.
 */
@Path("pool")
public class PoolResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String pools() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var out = new StringBuilder();
        for (var name : server.queryNames(new ObjectName("WebSphere:type=com.ibm.ws.jca.cm.mbean.ConnectionManagerMBean,*"), null)) {
            out.append("== ").append(name).append('\n');
            out.append(server.invoke(name, "showPoolContents", null, null)).append('\n');
        }
        return out.toString();
    }
}
