package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public record CredentialRevocationRequest(
        @NotNull(message = "credentials is required: an array of 1 to 100 values")
        @Size(min = 1, max = 100, message = "credentials must hold 1 to 100 values")
        List<
                        @NotNull(message = "credentials must not hold null")
                        @Size(max = 512, message = "each credential must be at most 512 characters") String>
                credentials) {

    @Override
    public String toString() {
        return "CredentialRevocationRequest[" + (credentials == null ? 0 : credentials.size()) + " values]";
    }
}
