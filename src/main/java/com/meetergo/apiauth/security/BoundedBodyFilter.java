package com.meetergo.apiauth.security;

import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Every body is bounded, whatever it declares. A declared length over {@code apiauth.request.max-body-bytes} is refused
 * by the mechanism before authentication; a body without one (chunked) passes that check, so it is read here, at most
 * one byte past the bound, and refused with 413 before anything parses it; within the bound it is served from memory. A
 * chunked body whose framing is broken is refused with 400 in the contract's shape. Declared bodies are read through a
 * stream that fails with {@link BodyTooLargeException} past the bound all the same (the exception mappers answer 413).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BoundedBodyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() < 0 && mayHaveBody(request.getMethod())) {
            // No declared length (chunked, or an HTTP/2 stream): read it here, at most one byte past the
            // bound, before anything parses it. A parser stops at the end of its JSON value, so counting
            // only what it reads would let a small value followed by megabytes through.
            byte[] body;
            try {
                body = request.getInputStream().readNBytes((int) limits.maxBodyBytes() + 1);
            } catch (IOException brokenFraming) {
                // The HTTP channel refuses the chunk framing (IllegalHttpBodyException: a chunk longer
                // than its size line, a size not in hex) or the client went away mid-body: the client's
                // fault, answered in the contract's shape, never Liberty's HTML 500 and an FFDC incident.
                response.setHeader("Connection", "close"); // the rest of the stream cannot be framed
                ErrorResponses.write(response, ContractError.MALFORMED_BODY_FRAMING);
                return;
            }
            if (body.length > limits.maxBodyBytes()) {
                response.setHeader("Connection", "close"); // never drain the rest
                ErrorResponses.write(response, ContractError.BODY_TOO_LARGE);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(new Bounded(request, limits.maxBodyBytes()), response);
    }

    private static Charset charsetOf(HttpServletRequest request) {
        var encoding = request.getCharacterEncoding();
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    }

    private static boolean mayHaveBody(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /** A body of unknown length, read whole within the bound: served from memory with its length now known. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charsetOf(this)));
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(this)));
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        BoundedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never more than one byte past the limit: enough to know it is passed
            int n = in.read(buffer, offset, (int) Math.min(length, max - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > max) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
