package com.meetergo.apiauth.domain.model.change;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A change that every server's verification cache must learn of: a credential or a user whose
 * cached copy may now let in a request it must refuse. Written in the change's own transaction, so
 * that a notice exists exactly when the change does.
 */
@Entity
@Table(name = "change_notice")
@NamedQuery(name = "ChangeNotice.since",
        query = "select n from ChangeNotice n where n.recordedAt >= :since order by n.recordedAt")
@NamedQuery(name = "ChangeNotice.deleteBefore", query = "delete from ChangeNotice n where n.recordedAt < :before")
public class ChangeNotice {

    public enum Kind {
        CREDENTIAL, USER
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

    protected ChangeNotice() {
    }

    public ChangeNotice(Kind kind, String targetId, Instant recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.targetId = targetId;
        this.recordedAt = recordedAt;
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
    public record Changed(Kind kind, String targetId) {
    }
}
