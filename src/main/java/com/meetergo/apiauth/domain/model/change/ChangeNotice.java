package com.meetergo.apiauth.domain.model.change;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A change that every server's verification cache must learn of: a credential or a user whose cached copy may now let
 * in a request it must refuse. Written in the change's own transaction, so that a notice exists exactly when the change
 * does.
 */
@Entity
@Table(name = "change_notice")
public class ChangeNotice {

    public enum Kind {
        CREDENTIAL,
        USER,
        COMPANY
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "target_id", nullable = false)
    private String targetId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ChangeNotice() {}

    public ChangeNotice(Kind kind, String targetId, Instant recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.targetId = targetId;
        this.recordedAt = recordedAt;
    }

    /** A notice as stored (the poller reads them with plain JDBC). */
    public static ChangeNotice read(String id, Kind kind, String targetId, Instant recordedAt) {
        var notice = new ChangeNotice(kind, targetId, recordedAt);
        notice.id = id;
        return notice;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String targetId() {
        return targetId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** The event a change fires on its own server; observed once the transaction has committed. */
    public record Changed(Kind kind, String targetId) {}
}
