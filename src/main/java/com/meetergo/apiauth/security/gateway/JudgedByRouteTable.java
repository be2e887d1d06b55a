package com.meetergo.apiauth.security.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the gateway's check: its rules (scope, owner-by-default, roles) are not its own but those of the client's
 * request it is asked about, from the route table ({@link GatewayRoutes}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JudgedByRouteTable {}
