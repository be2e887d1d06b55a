package com.meetergo.apiauth.domain.model.usage;

import java.time.Instant;
import java.util.List;

/** The networks credentials were used from ({@link NetworkSource}); written only by the flush. */
public interface SourceRepository {

    /**
     * Adds {@code requests} and moves the last use to {@code lastSeen} if later, only where the network was last seen
     * before {@code staleBefore}: true for the one writer that finds it stale (a network back after a long absence; of
     * two servers, one wins).
     */
    boolean addIfStale(String credentialId, String network, Instant lastSeen, long requests, Instant staleBefore);

    /** Adds {@code requests} and moves the last use to {@code lastSeen} if later; false when there is no row. */
    boolean addTo(String credentialId, String network, Instant lastSeen, long requests);

    /** A network's first row; fails (the transaction with it) when another server inserted it first. */
    void insert(NetworkSource source);

    /** The credential's networks, the most recently seen first. */
    List<NetworkSource> ofCredential(String credentialId);

    /** Deletes all but the {@code max} most recently seen networks of the credential; how many went. */
    int keepLatest(String credentialId, int max);

    /** Deletes the networks last seen before {@code instant} (the retention). */
    int pruneBefore(Instant instant);
}
