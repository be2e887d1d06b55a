package com.meetergo.apiauth.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An authenticated endpoint that any credential may call whatever its scopes, an empty set included: a credential can
 * always verify itself ({@code GET /v4/user/me}), see its company's plan ({@code GET /v4/company}) and renew itself
 * ({@code POST /v4/personal-access-token/self/rotate}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoScopeRequired {}
