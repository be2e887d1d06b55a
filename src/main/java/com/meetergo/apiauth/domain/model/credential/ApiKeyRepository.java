package com.meetergo.apiauth.domain.model.credential;

import java.util.List;

public interface ApiKeyRepository extends CredentialRepository<ApiKey> {

    List<ApiKey> ofCompany(String companyId);
}
