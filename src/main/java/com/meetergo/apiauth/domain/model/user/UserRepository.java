package com.meetergo.apiauth.domain.model.user;

import java.util.List;
import java.util.Optional;

public interface UserRepository {

    void add(User user);

    Optional<User> find(String id);

    List<User> ofCompany(String companyId);

    User ownerOf(String companyId);

    boolean emailTaken(String email);
}
