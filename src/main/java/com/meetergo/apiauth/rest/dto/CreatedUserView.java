package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.model.user.User;
import java.time.Instant;

/** The user object plus {@code userId}, the value to send in {@code x-meetergo-api-user-id}. */
public record CreatedUserView(
        String id,
        String userId,
        String email,
        String givenName,
        String familyName,
        Role role,
        String companyId,
        Instant createdAt) {

    public static CreatedUserView of(User u) {
        return new CreatedUserView(
                u.id(), u.id(), u.email(), u.givenName(), u.familyName(), u.role(), u.companyId(), u.createdAt());
    }
}
