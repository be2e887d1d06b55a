package com.meetergo.apiauth.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.meetergo.apiauth.infrastructure.webhook.WebhookTargets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resolver every webhook connection goes through: what it resolves to a non-public address is no address at all, so
 * the connection cannot be made — whatever the name resolved to when the endpoint was registered (a DNS answer that
 * changes). With private targets allowed, it resolves.
 */
class WebhookTargetsTest {

    private final WebhookTargets guarded = new WebhookTargets(false);
    private final WebhookTargets open = new WebhookTargets(true);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "localhost",
                "10.1.2.3",
                "172.31.255.255",
                "192.168.0.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "[::1]",
                "::",
                "::ffff:10.0.0.1",
                "fd00:ec2::254",
                "fe80::1",
                "fc00::1",
                "ff02::1",
                "64:ff9b::a00:1",
                "2002:a00:1::",
                "192.0.2.1",
                "198.18.0.1",
                "240.0.0.1"
            })
    void aNonPublicAddressIsNoAddress(String host) throws UnknownHostException {
        assertThrows(WebhookTargets.RefusedTarget.class, () -> guarded.resolve(host), host);
        assertThrows(WebhookTargets.RefusedTarget.class, () -> guarded.resolve(host, 443), host);
        assertEquals(false, open.resolve(host).length == 0, host);
    }

    /**
     * DNS rebinding: the attacker's name answers a public address when the endpoint is registered and a private one
     * when the delivery connects. The connection's own lookup is checked, so it fails.
     */
    @Test
    void aNameThatTurnsPrivateAfterRegistrationReachesNothing() throws Exception {
        var answers = new AtomicReference<>("93.184.216.34");
        var rebinding = new WebhookTargets(false, host -> new InetAddress[] {
            InetAddress.getByAddress(host, InetAddress.getByName(answers.get()).getAddress())
        });
        assertEquals(
                "https://hooks.attacker.example/x",
                rebinding.check("https://hooks.attacker.example/x").toString());
        assertEquals(1, rebinding.resolve("hooks.attacker.example", 443).size(), "public: it may connect");
        for (var internal : new String[] {"10.0.0.5", "127.0.0.1", "169.254.169.254"}) {
            answers.set(internal);
            var refused = assertThrows(
                    WebhookTargets.RefusedTarget.class,
                    () -> rebinding.resolve("hooks.attacker.example", 443),
                    internal);
            assertEquals(WebhookTargets.NOT_PUBLIC, refused.getMessage(), "the rule, never the address");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "[2a00:1450:4001::200e]"})
    void aPublicAddressResolves(String host) throws UnknownHostException {
        assertEquals(1, guarded.resolve(host).length, host);
        assertEquals(1, guarded.resolve(host, 443).size(), host);
    }
}
