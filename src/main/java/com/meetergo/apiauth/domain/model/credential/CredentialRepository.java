package com.meetergo.apiauth.domain.model.credential;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the two credential tables answer alike, written once: {@link ApiKeyRepository} and
 * {@link PersonalAccessTokenRepository} add only their own look-ups.
 */
public interface CredentialRepository<T extends StoredCredential> {

    /**
     * Marks the credential replaced by its successor, valid until {@code graceUntil}, if it is still active and not
     * replaced already: one conditional UPDATE, so that of two concurrent rotations exactly one wins. Returns whether
     * this call won.
     */
    boolean markReplaced(String id, String successorId, Instant graceUntil);

    /** Records a use unless one after {@code unlessUsedAfter} is already recorded (another server's). */
    void recordUse(String id, Instant now, String ip, Instant unlessUsedAfter);

    void add(T credential);

    Optional<T> find(String id);

    /** The credentials that the credential {@code creatorId}'s requests minted. */
    List<T> mintedBy(String creatorId);
}
