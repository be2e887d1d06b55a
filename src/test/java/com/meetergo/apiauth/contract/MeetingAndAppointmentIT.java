package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Members reach their own meeting types and appointments; owners and admins the company's. */
class MeetingAndAppointmentIT extends ApiTest {

    private static Answer book(String token, String slug, String start) {
        var type = Api.post(
                        "/v4/meeting-type",
                        "{\"name\": \"Intro\", \"durationMinutes\": 45, \"slug\": \"" + slug + "\"}")
                .bearer(token)
                .send();
        assertStatus(type, 201);
        var appointment = Api.post(
                        "/v4/appointment",
                        "{\"meetingTypeId\": \"" + type.string("id") + "\", \"start\": \"" + start
                                + "\", \"guestEmail\": \"guest@example.com\"}")
                .bearer(token)
                .send();
        assertStatus(appointment, 201);
        return appointment;
    }

    @Test
    void meetingTypesAreTheActingUsersOwn() {
        var tenant = Tenant.create();
        var member = tenant.tokenOf(tenant.user("MEMBER"));
        book(member, "intro", "2030-01-01T09:00:00Z");
        var mine = Api.get("/v4/meeting-type").bearer(member).send();
        assertStatus(mine, 200);
        assertEquals(1, mine.array().size());
        var type = mine.array().getJsonObject(0);
        assertEquals(Set.of("id", "ownerId", "name", "durationMinutes", "slug", "createdAt"), type.keySet());
        assertEquals(45, type.getInt("durationMinutes"));
        assertEquals(
                0,
                Api.get("/v4/meeting-type")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
        assertError(
                Api.post("/v4/meeting-type", "{\"name\": \"Intro\", \"durationMinutes\": 45," + " \"slug\": \"intro\"}")
                        .bearer(member)
                        .send(),
                409,
                "Conflict",
                "You already have a meeting type with this slug");
        assertBadRequest(
                Api.post("/v4/meeting-type", "{\"name\": \"X\", \"durationMinutes\": 0," + " \"slug\": \"Bad Slug\"}")
                        .bearer(member)
                        .send(),
                "durationMinutes must be between 1 and 1440; slug must be lower-case letters, digits and dashes");
    }

    @Test
    void membersSeeTheirOwnAppointmentsAndAdminsTheCompanys() {
        var tenant = Tenant.create();
        var memberId = tenant.user("MEMBER");
        var member = tenant.tokenOf(memberId);
        var otherMember = tenant.tokenOf(tenant.user("MEMBER"));
        var admin = tenant.tokenOf(tenant.user("ADMIN"));
        var booked = book(member, "a", "2030-01-01T09:00:00Z");
        book(otherMember, "b", "2030-01-01T11:00:00Z");

        var own = Api.get("/v4/appointment").bearer(member).send();
        assertStatus(own, 200);
        assertEquals(1, own.array().size(), own::toString);
        var appointment = own.array().getJsonObject(0);
        assertEquals(booked.object(), appointment);
        assertEquals("2030-01-01T09:45:00Z", appointment.getString("end"));

        assertEquals(2, Api.get("/v4/appointment").bearer(admin).send().array().size());
        assertEquals(
                2,
                Api.get("/v4/appointment")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
        var filtered =
                Api.get("/v4/appointment?userId=" + memberId).bearer(admin).send();
        assertEquals(1, filtered.array().size(), filtered::toString);
        assertError(
                Api.get("/v4/appointment?userId=" + tenant.ownerId())
                        .bearer(member)
                        .send(),
                403,
                "Forbidden",
                "Members can list only their own appointments");
    }
}
