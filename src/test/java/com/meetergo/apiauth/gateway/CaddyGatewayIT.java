package com.meetergo.apiauth.gateway;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract through caddy, started by {@code gateway/run caddy} with the shipped configuration. */
class CaddyGatewayIT extends GatewayContract {

    @BeforeAll
    static void startCaddy() throws IOException {
        start("caddy");
    }

    @Override
    String kind() {
        return "caddy";
    }
}
