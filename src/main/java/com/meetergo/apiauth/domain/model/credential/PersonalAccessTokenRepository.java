package com.meetergo.apiauth.domain.model.credential;

import java.util.List;
import java.util.Optional;

public interface PersonalAccessTokenRepository {

    void add(PersonalAccessToken token);

    Optional<PersonalAccessToken> find(String id);

    Optional<PersonalAccessToken> withDigest(String digest);

    List<PersonalAccessToken> ofUser(String userId);
}
