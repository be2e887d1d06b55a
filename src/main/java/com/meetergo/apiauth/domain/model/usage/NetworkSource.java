package com.meetergo.apiauth.domain.model.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A network a credential was used from (an IPv4 /24 or an IPv6 /48, see {@link Networks}): when it was first and last
 * used from there, and how many requests were served, as every server has added them so far.
 */
@Entity
@Table(name = "credential_source")
@IdClass(NetworkSource.Key.class)
public class NetworkSource {

    @Id
    @Column(name = "credential_id")
    private String credentialId;

    @Id
    private String network;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    private long requests;

    protected NetworkSource() {}

    public NetworkSource(String credentialId, String network, Instant firstSeen, Instant lastSeen, long requests) {
        this.credentialId = credentialId;
        this.network = network;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.requests = requests;
    }

    public String credentialId() {
        return credentialId;
    }

    public String network() {
        return network;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public long requests() {
        return requests;
    }

    /** The composite primary key (credential, network). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String credentialId;

        private String network;

        public Key() {}

        public Key(String credentialId, String network) {
            this.credentialId = credentialId;
            this.network = network;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(credentialId, k.credentialId)
                    && Objects.equals(network, k.network);
        }

        @Override
        public int hashCode() {
            return Objects.hash(credentialId, network);
        }
    }
}
