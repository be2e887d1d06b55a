package com.meetergo.apiauth.domain.model.change;

import java.time.Instant;
import java.util.List;

public interface ChangeNoticeRepository {

    void add(ChangeNotice notice);

    /** The notices recorded at or after {@code since}, oldest first. */
    List<ChangeNotice> since(Instant since);

    int deleteBefore(Instant before);
}
