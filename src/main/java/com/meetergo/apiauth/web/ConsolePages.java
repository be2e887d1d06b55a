package com.meetergo.apiauth.web;

import com.meetergo.apiauth.security.contract.ApiError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The dashboard's two credential pages and their assets, plain files under WEB-INF/pages (so nothing else of the WAR is
 * served as a file). They call the same v4 API as every client, with the credential the user pastes; they need no
 * server-side session and set no cookie. Served with a strict Content-Security-Policy: this origin's script and style
 * files only, no inline code, no framing, requests to this origin only.
 */
@WebServlet(urlPatterns = {"/admin/api-keys", "/integrations", "/assets/*"})
public class ConsolePages extends HttpServlet {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Map<String, String> PAGES = Map.of(
            "/admin/api-keys", "api-keys.html",
            "/integrations", "integrations.html",
            "/assets/console.js", "assets/console.js",
            "/assets/console.css", "assets/console.css",
            "/assets/favicon.svg", "assets/favicon.svg");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        var file = PAGES.get(path);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        if (file == null) {
            ErrorResponses.write(response, ApiError.of(HttpServletResponse.SC_NOT_FOUND, "Not Found"));
            return;
        }
        response.setContentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
        try (var in = getServletContext().getResourceAsStream("/WEB-INF/pages/" + file)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
