package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** All optional: an empty body rotates with a one-hour grace period, the old lifetime and the old scopes. */
public record RotateRequest(
        @Min(value = 0, message = "gracePeriodSeconds must be between 0 and 86400")
        @Max(value = 86400, message = "gracePeriodSeconds must be between 0 and 86400")
        Integer gracePeriodSeconds,

        @Min(value = 1, message = "expiresInDays must be between 1 and 90")
        @Max(value = 90, message = "expiresInDays must be between 1 and 90")
        Integer expiresInDays,

        @Size(max = 20, message = "scopes must name at most 20 scopes")
        @Schema(nullable = true, description = "Narrows the successor's scopes; absent: the old credential's")
        List<String> scopes) {

    public static final int DEFAULT_GRACE_PERIOD_SECONDS = 3600;

    public int grace() {
        return gracePeriodSeconds == null ? DEFAULT_GRACE_PERIOD_SECONDS : gracePeriodSeconds;
    }
}
