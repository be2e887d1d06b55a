package com.meetergo.apiauth.security;

/** Fired (CDI, synchronously) for every request whose credential the mechanism accepted. */
public record CredentialUsed(Caller caller, String sourceIp) {}
