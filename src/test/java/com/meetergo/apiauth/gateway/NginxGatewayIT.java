package com.meetergo.apiauth.gateway;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract through nginx, started by {@code gateway/run nginx} with the shipped configuration. */
class NginxGatewayIT extends GatewayContract {

    @BeforeAll
    static void startNginx() throws IOException {
        start("nginx");
    }

    @Override
    String kind() {
        return "nginx";
    }
}
