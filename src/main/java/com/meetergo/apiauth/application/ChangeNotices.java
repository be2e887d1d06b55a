package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.change.ChangeNotice;
import com.meetergo.apiauth.domain.model.change.ChangeNotice.Changed;
import com.meetergo.apiauth.domain.model.change.ChangeNoticeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Tells every server's verification cache that a credential or a user changed in a way that can refuse requests: a
 * notice row in the change's transaction (read by the other servers' pollers) and an event this server's cache observes
 * once that transaction commits (its very next request).
 */
@ApplicationScoped
public class ChangeNotices {

    @Inject
    ChangeNoticeRepository notices;

    @Inject
    Event<Changed> changed;

    public void credentialChanged(String credentialId) {
        record(ChangeNotice.Kind.CREDENTIAL, credentialId);
    }

    public void userChanged(String userId) {
        record(ChangeNotice.Kind.USER, userId);
    }

    public void companyChanged(String companyId) {
        record(ChangeNotice.Kind.COMPANY, companyId);
    }

    private void record(ChangeNotice.Kind kind, String id) {
        // The machine's clock, not the application's: the pollers of all servers compare it with theirs.
        notices.add(new ChangeNotice(kind, id, Instant.now()));
        changed.fire(new Changed(kind, id));
    }
}
