package com.meetergo.apiauth.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bearer API keeps no session: no answer, good or bad, sets a cookie. */
class StatelessIT extends ApiTest {

    @Test
    void noAnswerSetsACookie() {
        var tenant = Tenant.create();
        var answers = List.of(
                Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(),
                Api.get("/v4/user/me").bearer(tenant.apiKey()).send(),
                Api.get("/v4/user/me").send(),
                Api.get("/v4/user/me").bearer("rgo-wrong").send(),
                Api.get("/v4/user").bearer(tenant.ownerToken()).actingAs(tenant.ownerId()).send());
        for (Answer answer : answers) {
            assertEquals(List.of(), answer.setCookies(), answer::toString);
        }
    }
}
