package com.meetergo.apiauth.rest.dto;

/** How many values were well-formed credentials; never which of them matched. */
public record CredentialRevocationView(int accepted) {}
