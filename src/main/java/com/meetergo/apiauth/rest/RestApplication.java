package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "meetergo v4 API",
                        version = "4",
                        contact = @Contact(name = "meetergo API", url = "https://api.meetergo.com"),
                        description = "Every /v4 endpoint takes a Personal Access Token or a Platform API Key in"
                                + " 'Authorization: Bearer'; with an API key, "
                                + "'x-meetergo-api-user-id' names the user to act as."
                                + " Errors are {statusCode, message, error}."))
@DeclareRoles({Roles.OWNER, Roles.ADMIN, Roles.MEMBER, Roles.USER_MANAGER})
public class RestApplication extends Application {}
