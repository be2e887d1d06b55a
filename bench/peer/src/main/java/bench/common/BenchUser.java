package bench.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** api-auth's app_user, read-only: the row GET /v4/user/me reads, mapped the same way. */
@Entity
@Table(name = "app_user")
public class BenchUser {

    @Id
    String id;

    @Column(name = "company_id")
    String companyId;

    String email;

    @Column(name = "given_name")
    String givenName;

    @Column(name = "family_name")
    String familyName;

    String role;

    boolean active;

    @Column(name = "created_at")
    Instant createdAt;
}
