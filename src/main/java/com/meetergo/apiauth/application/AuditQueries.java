package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEvent;
import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.audit.AuditRepository;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reading the audit trail: always the caller's own company, newest first. */
@ApplicationScoped
public class AuditQueries {

    @Inject
    AuditRepository events;

    /** page and pageSize are bounded by the resource (page ≤ 1,000,000, pageSize ≤ 200): no overflow. */
    public List<AuditEvent> page(
            Caller caller, String credentialId, String type, String from, String to, int page, int pageSize) {
        return events.ofCompany(
                caller.companyId(),
                credentialId,
                type(type),
                instant("from", from),
                instant("to", to),
                Math.multiplyExact(page, pageSize),
                pageSize);
    }

    private static AuditEventType type(String name) {
        if (name == null) {
            return null;
        }
        return AuditEventType.ofApiName(name)
                .orElseThrow(() -> DomainException.invalid("type must be one of "
                        + Arrays.stream(AuditEventType.values())
                                .map(AuditEventType::apiName)
                                .collect(Collectors.joining(", "))));
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name + " must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
        }
    }
}
