package com.meetergo.apiauth.domain.model.credential;

import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    void add(ApiKey key);

    Optional<ApiKey> find(String id);

    List<ApiKey> ofCompany(String companyId);
}
