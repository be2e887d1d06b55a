package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

public record AppointmentRequest(
        @NotBlank(message = "meetingTypeId is required") String meetingTypeId,

        @NotNull(message = "start is required (ISO-8601 instant)")
        Instant start,

        @NotBlank(message = "guestEmail is required") @Email(message = "guestEmail must be an email address")
        String guestEmail) {}
