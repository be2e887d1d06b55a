package com.meetergo.apiauth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The test server's ports: free ports the build reserved (build-helper's reserve-network-port), handed to the tests as
 * system properties (failsafe outside the server, JVM options inside it).
 */
public final class TestPorts {

    private TestPorts() {}

    public static String http() {
        return required("it.http.port");
    }

    public static String https() {
        return required("it.https.port");
    }

    /** A port free right now, for a server a test starts itself. */
    public static int free() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String name) {
        var value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: the tests run through mvn verify, which reserves it");
        }
        return value;
    }
}
