package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
@DeclareRoles({Roles.OWNER, Roles.ADMIN, Roles.MEMBER, Roles.USER_MANAGER})
public class RestApplication extends Application {
}
