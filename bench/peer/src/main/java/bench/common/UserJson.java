package bench.common;

import java.time.Instant;

/** The body of GET /v4/user/me, field for field. */
public record UserJson(String id, String email, String givenName, String familyName, String role, String companyId,
        Instant createdAt) {

    static UserJson of(BenchUser u) {
        return new UserJson(u.id, u.email, u.givenName, u.familyName, u.role, u.companyId, u.createdAt);
    }
}
