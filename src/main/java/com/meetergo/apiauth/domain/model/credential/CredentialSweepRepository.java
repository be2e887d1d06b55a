package com.meetergo.apiauth.domain.model.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The set-based queries of the credential sweep, for one kind of credential at a time. */
public interface CredentialSweepRepository {

    /** What the sweep needs of a credential it changes: enough for the audit event, no secret, no entity. */
    record Swept(String id, String companyId) {
    }

    /** Claims the sweep for {@code now} unless one ran less than {@code period} ago; true for the one winner. */
    boolean claim(Instant now, Duration period);

    /** Up to {@code limit} live credentials past their expiry, locked until the transaction ends. */
    List<Swept> expiredButLive(CredentialType type, Instant now, int limit);

    /** Up to {@code limit} live credentials whose rotation grace period is over, locked. */
    List<Swept> pastGraceButLive(CredentialType type, Instant now, int limit);

    /** Up to {@code limit} live credentials that end before {@code horizon} and were not warned about, locked. */
    List<Swept> expiringUnwarned(CredentialType type, Instant now, Instant horizon, int limit);

    void markExpired(CredentialType type, List<String> ids);

    void markEnded(CredentialType type, List<String> ids, Instant now);

    void markWarned(CredentialType type, List<String> ids, Instant now);

    /** Erases the digests of credentials that ended before {@code cutoff}; returns how many. */
    int eraseDigestsEndedBefore(CredentialType type, Instant cutoff, Instant now, int limit);
}
