package com.meetergo.apiauth.domain.model.audit;

import java.time.Instant;
import java.util.List;

public interface AuditRepository {

    void add(AuditEvent event);

    /** Many events at once, in the caller's transaction, in a few statements (the sweep writes hundreds). */
    void addAll(List<AuditEvent> events);

    boolean exists(AuditEventType type, String credentialId, String subjectUserId, Instant periodStart);

    /** Newest first; every filter may be null. */
    List<AuditEvent> ofCompany(
            String companyId,
            String credentialId,
            AuditEventType type,
            Instant from,
            Instant to,
            int offset,
            int limit);
}
