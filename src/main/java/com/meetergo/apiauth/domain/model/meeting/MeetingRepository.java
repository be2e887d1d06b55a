package com.meetergo.apiauth.domain.model.meeting;

import java.util.List;
import java.util.Optional;

public interface MeetingRepository {

    void add(MeetingType type);

    void add(Appointment appointment);

    Optional<MeetingType> findType(String id);

    List<MeetingType> typesOf(String ownerId);

    boolean slugTaken(String ownerId, String slug);

    List<Appointment> appointmentsOfHost(String hostId);

    List<Appointment> appointmentsOfCompany(String companyId, String hostIdOrNull);
}
