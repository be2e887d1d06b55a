package com.meetergo.apiauth.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoints that an API key may call without {@code x-meetergo-api-user-id}: they then act as the company
 * owner (the contract names {@code GET /v4/user/me} and {@code POST /v4/user}). Everywhere else such a request gets the
 * contract's 400.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OwnerContextAllowed {}
