package bench.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** The work of GET /v4/user/me once the caller is known: one find by primary key. */
@ApplicationScoped
public class UserLookup {

    @PersistenceContext(unitName = "bench")
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserJson me(String userId) {
        var user = userId == null ? null : em.find(BenchUser.class, userId);
        if (user == null || !user.active) {
            throw new NotFoundException();
        }
        return UserJson.of(user);
    }
}
