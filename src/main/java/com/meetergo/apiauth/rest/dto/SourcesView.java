package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.usage.NetworkSource;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The networks a credential served requests from, the most recently seen first. */
@JsonbPropertyOrder({"credentialId", "sources"})
public record SourcesView(String credentialId, List<Source> sources) {

    public static SourcesView of(String credentialId, List<NetworkSource> sources) {
        return new SourcesView(
                credentialId,
                sources.stream()
                        .map(s -> new Source(s.network(), s.firstSeen(), s.lastSeen(), s.requests()))
                        .toList());
    }

    @JsonbPropertyOrder({"network", "firstSeen", "lastSeen", "requests"})
    public record Source(
            @Schema(description = "The client's IPv4 /24 or IPv6 /48, e.g. 203.0.113.0/24")
            String network,

            @Schema(description = "The first request served from it")
            Instant firstSeen,

            @Schema(description = "The last request served from it (lags by up to the flush interval)")
            Instant lastSeen,

            @Schema(description = "Requests served from it") long requests) {}
}
