package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT …/{id}/allowed-ips}: the whole new list ([] is anywhere). */
public record AllowedIpsRequest(
        @NotNull(message = "allowedIps is required ([] for anywhere)")
        @Schema(description = "IPv4/IPv6 addresses and CIDR ranges (at most 64); [] is anywhere")
        List<String> allowedIps) {}
