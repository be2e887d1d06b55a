package com.meetergo.apiauth.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Size limits checked before anything else reads a request: no single header over
 * {@code apiauth.request.max-header-bytes} (default 8 KiB) and no body declared over
 * {@code apiauth.request.max-body-bytes} (default 64 KiB); a body that declares no length (chunked) is bounded as it is
 * read ({@link BoundedBodyFilter}). A credential is some 80 characters; nothing the API takes needs more.
 */
@ApplicationScoped
public class RequestLimits {

    @Inject
    @ConfigProperty(name = "apiauth.request.max-header-bytes", defaultValue = "8192")
    int maxHeaderBytes;

    @Inject
    @ConfigProperty(name = "apiauth.request.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    public boolean headersTooLarge(HttpServletRequest request) {
        for (var names = request.getHeaderNames(); names.hasMoreElements(); ) {
            var name = names.nextElement();
            for (var values = request.getHeaders(name); values.hasMoreElements(); ) {
                if (name.length() + values.nextElement().length() > maxHeaderBytes) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean bodyTooLarge(HttpServletRequest request) {
        return request.getContentLengthLong() > maxBodyBytes;
    }

    /** The bound of every body, declared or not (BoundedBodyFilter counts what is read). */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }
}
