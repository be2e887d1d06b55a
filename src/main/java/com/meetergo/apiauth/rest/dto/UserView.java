package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.model.user.User;
import java.time.Instant;

public record UserView(
        String id, String email, String givenName, String familyName, Role role, String companyId, Instant createdAt) {

    public static UserView of(User u) {
        return new UserView(u.id(), u.email(), u.givenName(), u.familyName(), u.role(), u.companyId(), u.createdAt());
    }
}
