package com.meetergo.apiauth.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot do: speak from a chosen loopback address (127.0.0.1 or
 * ::1, the two every machine has: two client addresses) and send any header bytes at all.
 */
public final class RawHttp {

    private RawHttp() {}

    /** What came back: status, head (status line and headers) and the de-chunked body. */
    public record Reply(int status, String head, String body) {

        /** Every value of a header, in order (names compared case-insensitively). */
        public List<String> headers(String name) {
            var values = new ArrayList<String>();
            for (var line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                    values.add(line.substring(name.length() + 1).strip());
                }
            }
            return values;
        }

        public String header(String name) {
            for (var line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Sends {@code method path} with the given raw header lines (each without CRLF) and body. */
    public static Reply send(String fromAddress, String method, String path, String body, String... headerLines)
            throws IOException {
        return send(fromAddress, method, path, body, false, headerLines);
    }

    /**
     * The same with the body in {@code Transfer-Encoding: chunked} (8 KiB chunks) and no Content-Length, as a streaming
     * client or a proxy sends it.
     */
    public static Reply sendChunked(String fromAddress, String method, String path, String body, String... headerLines)
            throws IOException {
        return send(fromAddress, method, path, body, true, headerLines);
    }

    /**
     * {@code Transfer-Encoding: chunked} with the framing written by the caller, verbatim (a chunk longer than its size
     * line, a size that is not hex, …): what a broken or hostile client sends.
     */
    public static Reply sendFramed(
            String fromAddress, String method, String path, String framedBody, String... headerLines)
            throws IOException {
        var to = fromAddress.contains(":") ? "::1" : "127.0.0.1";
        return send(
                fromAddress,
                to,
                Integer.parseInt(TestPorts.http()),
                method,
                path,
                framedBody,
                Framing.VERBATIM,
                headerLines);
    }

    /** The same to another listener ({@code toAddress:port}: a proxy in front of the test server). */
    public static Reply sendTo(
            String fromAddress,
            String toAddress,
            int port,
            String method,
            String path,
            String body,
            String... headerLines)
            throws IOException {
        return send(fromAddress, toAddress, port, method, path, body, Framing.LENGTH, headerLines);
    }

    private static Reply send(
            String fromAddress, String method, String path, String body, boolean chunked, String... headerLines)
            throws IOException {
        // to the loopback address of the sender's family: the server listens on both
        var to = fromAddress.contains(":") ? "::1" : "127.0.0.1";
        return send(
                fromAddress,
                to,
                Integer.parseInt(TestPorts.http()),
                method,
                path,
                body,
                chunked ? Framing.CHUNKED : Framing.LENGTH,
                headerLines);
    }

    /** How the body is framed: Content-Length, 8 KiB chunks, or chunked framing the caller wrote. */
    private enum Framing {
        LENGTH,
        CHUNKED,
        VERBATIM
    }

    private static Reply send(
            String fromAddress,
            String to,
            int port,
            String method,
            String path,
            String body,
            Framing framing,
            String... headerLines)
            throws IOException {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(to, port), 10_000);
            socket.setSoTimeout(30_000);
            var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (var line : headerLines) {
                head.append(line).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\n")
                        .append(
                                framing == Framing.LENGTH
                                        ? "Content-Length: " + bytes.length
                                        : "Transfer-Encoding: chunked")
                        .append("\r\n");
            }
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (framing != Framing.CHUNKED) {
                out.write(bytes);
                out.flush();
            } else {
                try {
                    for (int at = 0; at < bytes.length; at += 8192) {
                        int size = Math.min(8192, bytes.length - at);
                        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(bytes, at, size);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (SocketException answeredEarly) {
                    // the server may answer (413) and close before the whole body is sent: read its answer
                }
            }
            var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            var replyHead = split < 0 ? response : response.substring(0, split);
            var replyBody = split < 0 ? "" : response.substring(split + 4);
            if (replyHead.toLowerCase().contains("transfer-encoding: chunked")) {
                replyBody = dechunk(replyBody);
            }
            return new Reply(Integer.parseInt(replyHead.split(" ")[1]), replyHead, replyBody);
        }
    }

    private static String dechunk(String chunked) {
        var out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
