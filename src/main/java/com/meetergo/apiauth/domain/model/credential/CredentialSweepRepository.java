package com.meetergo.apiauth.domain.model.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The set-based queries of the credential sweep, for one kind of credential at a time. */
public interface CredentialSweepRepository {

    /** What the sweep needs of a credential it changes: enough for the audit event, no secret, no entity. */
    record Swept(String id, String companyId) {}

    /** Claims the sweep for {@code now} unless one ran less than {@code period} ago; true for the one winner. */
    boolean claim(Instant now, Duration period);

    /*
     * Each change below picks up to {@code limit} live credentials that are due, in the order of the
     * indexed time column, changes them and returns them: one statement per live status, rows
     * locked until the transaction ends.
     */

    /** Live credentials past their expiry become EXPIRED. */
    List<Swept> expire(CredentialType type, Instant now, int limit);

    /** Live credentials whose rotation grace period is over are ended: REVOKED at {@code now}. */
    List<Swept> endGrace(CredentialType type, Instant now, int limit);

    /** Live credentials that end before {@code horizon} and were not warned about are marked warned at {@code now}. */
    List<Swept> warn(CredentialType type, Instant now, Instant horizon, int limit);

    /** The last warning: live credentials that end before {@code horizon} (a day away) and were not given it. */
    List<Swept> warnLast(CredentialType type, Instant now, Instant horizon, int limit);

    /** Erases the digests of credentials that ended before {@code cutoff}; returns how many. */
    int eraseDigestsEndedBefore(CredentialType type, Instant cutoff, Instant now, int limit);
}
