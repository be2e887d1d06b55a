package com.meetergo.apiauth.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The probes, with no credential: ready (database answers, migrations applied) and live, on both databases. */
class HealthIT extends ApiTest {

    @Test
    void readyWhenTheDatabaseAnswersAndEveryMigrationSucceeded() {
        var ready = Api.get("/health/ready").send();
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("application/json", ready.contentType().split(";")[0]);
        assertEquals(Json.createReader(new StringReader("""
                {"status": "UP", "checks": [{"name": "database", "status": "UP", "data": {}}]}
                """)).readValue(), ready.json(), ready::toString);
    }

    @Test
    void live() {
        var live = Api.get("/health/live").send();
        assertEquals(200, live.status(), live::toString);
        assertEquals("application/json", live.contentType().split(";")[0]);
        assertEquals("UP", live.object().getString("status"));
    }
}
