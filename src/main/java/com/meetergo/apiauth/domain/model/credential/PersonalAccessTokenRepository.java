package com.meetergo.apiauth.domain.model.credential;

import java.util.List;
import java.util.Optional;

public interface PersonalAccessTokenRepository extends CredentialRepository<PersonalAccessToken> {

    Optional<PersonalAccessToken> withDigest(String digest);

    List<PersonalAccessToken> ofUser(String userId);
}
