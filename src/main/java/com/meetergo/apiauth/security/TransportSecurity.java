package com.meetergo.apiauth.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With TLS on, the API and the pages answer on HTTPS only: a plain-HTTP request is refused before its credential is
 * read (403 "HTTPS required"), and every HTTPS answer tells the browser to use HTTPS from now on
 * (Strict-Transport-Security, one year). The probes, metrics and OpenAPI are Liberty's own endpoints and keep answering
 * on plain HTTP for the internal network. {@code apiauth.tls.plain-http}: {@code refuse} (liberty/tls/on.xml sets it)
 * or {@code serve}.
 */
@ApplicationScoped
public class TransportSecurity {

    static final String HSTS = "max-age=31536000";

    @Inject
    @ConfigProperty(name = "apiauth.tls.plain-http", defaultValue = "serve")
    String plainHttp;

    /** Whether this request must be refused for coming over plain HTTP. */
    public boolean refuses(HttpServletRequest request) {
        return !request.isSecure() && "refuse".equals(plainHttp);
    }

    /** Marks an HTTPS answer with Strict-Transport-Security. */
    public void mark(HttpServletRequest request, HttpServletResponse response) {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
