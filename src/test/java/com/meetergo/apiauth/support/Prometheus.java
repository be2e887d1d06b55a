package com.meetergo.apiauth.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The application's /metrics scrape, read the way Prometheus reads it: one series per line. */
public final class Prometheus {

    private static final Pattern SERIES = Pattern.compile("^(\\w+)(?:\\{(.*)})? ([0-9.Ee+-]+|NaN)$");

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private Prometheus() {}

    /** One series: its metric name, labels and value. */
    public record Series(String name, Map<String, String> labels, double value) {

        public String label(String label) {
            return labels.get(label);
        }

        public long count() {
            return (long) value;
        }
    }

    /** GET /metrics?scope=application: 200 in Prometheus' text format. */
    public static String scrape() {
        var answer = Api.get("/metrics?scope=application").send();
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
        return answer.body();
    }

    /** Every series of the scrape (comments left out). */
    public static List<Series> series(String text) {
        return text.lines()
                .map(String::strip)
                .map(SERIES::matcher)
                .filter(m -> m.matches())
                .map(m -> {
                    var labels = new HashMap<String, String>();
                    if (m.group(2) != null) {
                        var l = LABEL.matcher(m.group(2));
                        while (l.find()) {
                            labels.put(l.group(1), l.group(2));
                        }
                    }
                    return new Series(m.group(1), Map.copyOf(labels), Double.parseDouble(m.group(3)));
                })
                .toList();
    }

    /** The series of one metric. */
    public static List<Series> series(String text, String name) {
        return series(text).stream().filter(s -> s.name().equals(name)).toList();
    }
}
