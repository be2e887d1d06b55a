package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.usage.DailyUsage;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credential's requests per UTC day, oldest first, every day present (zeros where quiet). */
public record UsageView(String credentialId, List<Day> days) {

    public static UsageView of(String credentialId, List<DailyUsage> days) {
        return new UsageView(
                credentialId,
                days.stream()
                        .map(d -> new Day(d.day(), d.success(), d.refused(), d.failed()))
                        .toList());
    }

    @JsonbPropertyOrder({"date", "success", "refused", "failed"})
    public record Day(
            @Schema(description = "The UTC day, e.g. 2026-12-01")
            LocalDate date,

            @Schema(description = "Authenticated and served")
            long success,

            @Schema(description = "The secret was right, the request refused: status, plan, scope, user header, role")
            long refused,

            @Schema(description = "API keys: a wrong secret for this key's id (always 0 for a PAT)")
            long failed) {}
}
