package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.change.ChangeNotice;
import com.meetergo.apiauth.domain.model.change.ChangeNoticeRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Notices are written with JPA in the change's transaction; they are read (and pruned) by the poller through
 * {@code jdbc/apiauth-notices}, a pool of its own, so that a saturated main pool cannot starve it.
 *
 * <p>A notice is stamped again just before its transaction commits: the pollers read a window of the last 10 s, and a
 * notice stamped when it was written, in a transaction that then waited longer than that (a row lock, a slow database)
 * before committing, became visible already outside every window and was missed by the other servers until their caches
 * expired. The transaction's other statements are written first, so the stamp comes after every wait but the commit's
 * own.
 */
@ApplicationScoped
public class JpaChangeNoticeRepository implements ChangeNoticeRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Resource(lookup = "jdbc/apiauth-notices")
    private DataSource notices;

    /** The persistence unit's data source: within a transaction, its connection. */
    @Resource(lookup = "jdbc/apiauth")
    private DataSource main;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The transaction's resource: the ids of the notices it wrote, stamped again before it commits. */
    private static final Object WRITTEN = ChangeNotice.class.getName() + ".written";

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ChangeNotice notice) {
        em.persist(notice);
        @SuppressWarnings("unchecked")
        var written = (List<String>) transactions.getResource(WRITTEN);
        if (written == null) {
            var ids = new ArrayList<String>();
            transactions.putResource(WRITTEN, ids);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    stampAtCommit(ids);
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing kept
                }
            });
            written = ids;
        }
        written.add(notice.id());
    }

    /**
     * Runs just before the commit, after the persistence context has written the transaction's statements (JTA calls
     * interposed synchronizations after the others: a statement that waited on a lock has waited by now), on the
     * transaction's own connection: the notices get the time of now. In a transaction already failing, nothing is done.
     */
    private void stampAtCommit(List<String> ids) {
        if (transactions.getRollbackOnly()) {
            return;
        }
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        try (var c = main.getConnection();
                var s = c.prepareStatement("update change_notice set recorded_at = ? where id = ?")) {
            for (var id : ids) {
                s.setObject(1, now);
                s.setString(2, id);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("cannot stamp change notices", e);
        }
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
                    found.add(ChangeNotice.read(
                            rs.getString(1),
                            kind(rs.getString(2)),
                            rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
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
