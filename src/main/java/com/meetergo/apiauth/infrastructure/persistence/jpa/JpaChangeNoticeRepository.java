package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.change.ChangeNotice;
import com.meetergo.apiauth.domain.model.change.ChangeNoticeRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Notices are written with JPA in the change's transaction; they are read (and pruned) by the
 * poller through {@code jdbc/apiauth-notices}, a pool of its own, so that a saturated main pool
 * cannot starve it.
 */
@ApplicationScoped
public class JpaChangeNoticeRepository implements ChangeNoticeRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Resource(lookup = "jdbc/apiauth-notices")
    private DataSource notices;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ChangeNotice notice) {
        em.persist(notice);
    }

    @Override
    public List<ChangeNotice> since(Instant since) {
        try (var c = notices.getConnection();
                var s = c.prepareStatement("select id, kind, target_id, recorded_at from change_notice"
                        + " where recorded_at >= ? order by recorded_at")) {
            s.setObject(1, since.atOffset(ZoneOffset.UTC));
            var found = new ArrayList<ChangeNotice>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(ChangeNotice.read(rs.getString(1), kind(rs.getString(2)),
                            rs.getString(3), rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new PersistenceException("cannot read change notices", e);
        }
    }

    /** A kind this version does not know (written by a newer server) is null: the cache then forgets everything. */
    private static ChangeNotice.Kind kind(String name) {
        try {
            return ChangeNotice.Kind.valueOf(name);
        } catch (IllegalArgumentException newerServer) {
            return null;
        }
    }

    @Override
    public int deleteBefore(Instant before) {
        try (var c = notices.getConnection();
                var s = c.prepareStatement("delete from change_notice where recorded_at < ?")) {
            s.setObject(1, before.atOffset(ZoneOffset.UTC));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot prune change notices", e);
        }
    }
}
