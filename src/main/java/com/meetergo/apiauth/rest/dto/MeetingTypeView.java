package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.meeting.MeetingType;
import java.time.Instant;

public record MeetingTypeView(
        String id, String ownerId, String name, int durationMinutes, String slug, Instant createdAt) {

    public static MeetingTypeView of(MeetingType m) {
        return new MeetingTypeView(m.id(), m.ownerId(), m.name(), m.durationMinutes(), m.slug(), m.createdAt());
    }
}
