package com.meetergo.apiauth.domain.model.user;

import java.util.List;
import java.util.Optional;

public interface UserRepository {

    void add(User user);

    Optional<User> find(String id);

    List<User> ofCompany(String companyId);

    User ownerOf(String companyId);

    /** Whether a live user of any company has this email (whatever its case): the platform's sign-up asks. */
    boolean emailTaken(String email);

    /** Whether a live user of this company has this email, whatever its case. */
    boolean emailTakenIn(String companyId, String email);
}
