package com.meetergo.apiauth.domain.model.credential;

import java.util.List;
import java.util.Optional;

public interface PersonalAccessTokenRepository {

    /**
     * Marks the credential replaced by its successor, valid until {@code graceUntil}, if it is still
     * active and not replaced already: one conditional UPDATE, so that of two concurrent rotations
     * exactly one wins. Returns whether this call won.
     */
    boolean markReplaced(String id, String successorId, java.time.Instant graceUntil);

    /** Records a use unless one after {@code unlessUsedAfter} is already recorded (another server's). */
    void recordUse(String id, java.time.Instant now, String ip, java.time.Instant unlessUsedAfter);

    void add(PersonalAccessToken token);

    Optional<PersonalAccessToken> find(String id);

    Optional<PersonalAccessToken> withDigest(String digest);

    List<PersonalAccessToken> ofUser(String userId);

    /** The credentials that the credential {@code creatorId}'s requests minted. */
    List<PersonalAccessToken> mintedBy(String creatorId);
}
