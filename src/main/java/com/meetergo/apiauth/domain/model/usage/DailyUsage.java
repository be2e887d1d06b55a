package com.meetergo.apiauth.domain.model.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/** One credential's requests on one UTC day, as every server has added them so far. */
@Entity
@Table(name = "credential_usage")
@IdClass(DailyUsage.Key.class)
public class DailyUsage {

    @Id
    @Column(name = "credential_id")
    private String credentialId;

    @Id
    @Column(name = "usage_day")
    private LocalDate day;

    private long success;

    private long refused;

    private long failed;

    protected DailyUsage() {}

    public DailyUsage(String credentialId, LocalDate day, long success, long refused, long failed) {
        this.credentialId = credentialId;
        this.day = day;
        this.success = success;
        this.refused = refused;
        this.failed = failed;
    }

    public String credentialId() {
        return credentialId;
    }

    public LocalDate day() {
        return day;
    }

    public long success() {
        return success;
    }

    public long refused() {
        return refused;
    }

    public long failed() {
        return failed;
    }

    /** The composite primary key (credential, day). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String credentialId;

        private LocalDate day;

        public Key() {}

        public Key(String credentialId, LocalDate day) {
            this.credentialId = credentialId;
            this.day = day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.credentialId.equals(credentialId) && k.day.equals(day);
        }

        @Override
        public int hashCode() {
            return credentialId.hashCode() * 31 + day.hashCode();
        }
    }
}
