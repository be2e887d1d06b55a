package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.meeting.Appointment;
import com.meetergo.apiauth.domain.model.meeting.MeetingRepository;
import com.meetergo.apiauth.domain.model.meeting.MeetingType;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Meeting types are the acting user's own; appointments are own for members, company-wide for admins. */
@ApplicationScoped
@Transactional
public class MeetingService {

    public static final String DUPLICATE_SLUG = "You already have a meeting type with this slug";

    @Inject
    MeetingRepository meetings;

    @Inject
    Clock clock;

    public MeetingType createType(Caller caller, String name, int durationMinutes, String slug) {
        if (meetings.slugTaken(caller.userId(), slug)) {
            throw DomainException.conflict(DUPLICATE_SLUG);
        }
        var type = new MeetingType(caller.userId(), caller.companyId(), name, durationMinutes, slug, clock.instant());
        meetings.add(type);
        return type;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MeetingType> types(Caller caller) {
        return meetings.typesOf(caller.userId());
    }

    public Appointment book(Caller caller, String meetingTypeId, Instant start, String guestEmail) {
        var type = meetings.findType(meetingTypeId)
                .filter(t -> t.ownerId().equals(caller.userId()))
                .orElseThrow(() -> DomainException.notFound("Meeting type"));
        var appointment = new Appointment(type, start, guestEmail);
        meetings.add(appointment);
        return appointment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Appointment> appointments(Caller caller, String hostId) {
        if (caller.managesCompany()) {
            return meetings.appointmentsOfCompany(caller.companyId(), hostId);
        }
        if (hostId != null && !hostId.equals(caller.userId())) {
            throw DomainException.forbidden("Members can list only their own appointments");
        }
        return meetings.appointmentsOfHost(caller.userId());
    }
}
