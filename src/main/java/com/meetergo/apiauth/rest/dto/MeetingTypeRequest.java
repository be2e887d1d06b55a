package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record MeetingTypeRequest(
        @NotBlank(message = "name is required") @Size(max = 200, message = "name must be at most 200 characters")
        String name,

        @NotNull(message = "durationMinutes is required")
        @Min(value = 1, message = "durationMinutes must be between 1 and 1440")
        @Max(value = 1440, message = "durationMinutes must be between 1 and 1440")
        Integer durationMinutes,

        @NotNull(message = "slug is required")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "slug must be lower-case letters, digits and dashes")
        @Size(max = 100, message = "slug must be at most 100 characters")
        String slug) {}
