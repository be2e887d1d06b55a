package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.meeting.Appointment;
import java.time.Instant;

public record AppointmentView(
        String id, String meetingTypeId, String hostId, Instant start, Instant end, String guestEmail) {

    public static AppointmentView of(Appointment a) {
        return new AppointmentView(a.id(), a.meetingTypeId(), a.hostId(), a.startAt(), a.endAt(), a.guestEmail());
    }
}
