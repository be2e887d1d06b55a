package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.Scope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a credential must hold to call this endpoint, declared beside its role ({@code @RolesAllowed}) and enforced
 * by {@link ScopeFilter} alone. Every authenticated endpoint carries this or {@link NoScopeRequired}; one with neither
 * is refused (ScopeDeclarationsTest keeps that from shipping).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

    Scope value();
}
