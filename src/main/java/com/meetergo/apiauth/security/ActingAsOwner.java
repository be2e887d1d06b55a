package com.meetergo.apiauth.security;

/**
 * Fired (CDI, synchronously) when an API key that named no user is let through to act as the company owner
 * ({@link OwnerContextAllowed}): audited as impersonation of the owner, as if the key had named them.
 */
public record ActingAsOwner(Caller caller, String sourceIp) {}
