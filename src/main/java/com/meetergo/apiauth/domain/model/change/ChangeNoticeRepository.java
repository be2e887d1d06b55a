package com.meetergo.apiauth.domain.model.change;

import java.time.Instant;
import java.util.List;

public interface ChangeNoticeRepository {

    /** In the transaction of the change it announces. */
    void add(ChangeNotice notice);

    /** The notices recorded at or after {@code since}, oldest first. */
    List<ChangeNotice> since(Instant since);

    int deleteBefore(Instant before);
}
