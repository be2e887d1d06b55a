package com.meetergo.apiauth.domain.model.usage;

import java.time.LocalDate;
import java.util.List;

public interface UsageRepository {

    /**
     * Adds counts to a credential's day: {@code success = success + ?}, so that what several servers add sums up.
     * Returns false when the row did not exist yet (nothing was added: the caller inserts it, see {@link #insert}).
     */
    boolean addTo(String credentialId, LocalDate day, long success, long refused, long failed);

    /** The day's first counts; fails on a duplicate key when another server inserted it first. */
    void insert(DailyUsage usage);

    /** The stored days of a credential from {@code from} to {@code to}, both included, oldest first. */
    List<DailyUsage> between(String credentialId, LocalDate from, LocalDate to);

    /** Deletes the days before {@code day}; returns how many. */
    int pruneBefore(LocalDate day);

    /** Whether the credential served a request on a day before {@code day} (within the retention). */
    boolean servedBefore(String credentialId, LocalDate day);
}
