package nl.regioinkoop.kit.input;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input is refused, not reinterpreted: the kit's JSON binding against a body of every kind of field. Each
 * refusal is a 400 problem+json that names the field; nothing reaches a 5xx.
 */
@MicronautTest(transactional = false)
class StrictInputIT extends RealInfrastructure {
    private static final String VALID = "{\"name\":\"Daan\",\"intensity\":3,\"amountCents\":10500,\"volume\":2,"
            + "\"share\":0.25,\"from\":\"2026-10-01\",\"crisis\":false,\"codes\":[\"45A48\"],"
            + "\"lines\":[{\"code\":\"45A48\",\"volume\":8}]}";

    @Inject
    EmbeddedServer server;

    @Override
    protected String databaseName() {
        return "kit_strict";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("strict-samples.enabled", "true");
    }

    private Api.Response post(String contentType, String body) {
        return new Api(server.getURL().toString()).send("POST", "/strict-samples", tokens.regionAnalyst("MLW"),
                contentType, body, Map.of());
    }

    private static String with(String field, String json) {
        return VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|[^,}]+)", "\"" + field + "\":"
                + java.util.regex.Matcher.quoteReplacement(json));
    }

    @Test
    void takesAValidBodyAsItIs() {
        Api.Response r = post("application/json", VALID);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("\"amountCents\":10500") && r.body().contains("\"share\":0.25"), r.body());
    }

    @Test
    void refusesEveryCoercionWithTheFieldNamed() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("fraction for an int (intensity 3.5)", new String[]{with("intensity", "3.5"), "intensity"});
        cases.put("fraction for cents (10500.5)", new String[]{with("amountCents", "10500.5"), "amountCents"});
        cases.put("3.0 for an int", new String[]{with("intensity", "3.0"), "intensity"});
        cases.put("exponent for an int (1e2)", new String[]{with("intensity", "1e2"), "intensity"});
        cases.put("string for an int", new String[]{with("intensity", "\"3\""), "intensity"});
        cases.put("boolean for an int", new String[]{with("intensity", "true"), "intensity"});
        cases.put("fraction for an Integer", new String[]{with("volume", "2.5"), "volume"});
        cases.put("int beyond int", new String[]{with("intensity", "4294967296"), "intensity"});
        cases.put("number for a string (a BSN would lose its zero)", new String[]{with("name", "12345678"), "name"});
        cases.put("number for a string", new String[]{with("name", "999900006"), "name"});
        cases.put("boolean for a string", new String[]{with("name", "true"), "name"});
        cases.put("one-element array for a string", new String[]{with("name", "[\"Daan\"]"), "name"});
        cases.put("one-element array for an int", new String[]{with("intensity", "[3]"), "intensity"});
        cases.put("object for a string", new String[]{with("name", "{\"a\":1}"), "name"});
        cases.put("number for a boolean", new String[]{with("crisis", "1"), "crisis"});
        cases.put("text for an amount (BigDecimal)", new String[]{with("share", "\"0.25\""), "share"});
        cases.put("string for a boolean", new String[]{with("crisis", "\"false\""), "crisis"});
        cases.put("number in a list of strings", new String[]{with("codes", "[\"45A48\",45]"), "codes"});
        cases.put("fraction in a nested int", new String[]{with("lines", "[{\"code\":\"45A48\",\"volume\":8.5}]"),
                "volume"});
        cases.put("NUL in text", new String[]{with("name", "\"Da\\u0000an\""), "name"});
        cases.put("escape character in text", new String[]{with("name", "\"Da\\u001ban\""), "name"});
        cases.put("unpaired high surrogate", new String[]{with("name", "\"Da\\ud800an\""), "name"});
        cases.put("unpaired low surrogate", new String[]{with("name", "\"Daan\\udc00\""), "name"});
        cases.put("NUL in a nested text", new String[]{with("lines", "[{\"code\":\"45\\u0000\",\"volume\":8}]"),
                "code"});
        cases.put("date beyond any calendar", new String[]{with("from", "\"+999999999-12-31\""), "from"});
        cases.put("date of year 10000", new String[]{with("from", "\"+10000-01-01\""), "from"});
        cases.put("date of year 0", new String[]{with("from", "\"0000-01-01\""), "from"});
        cases.put("date as a number", new String[]{with("from", "20261001"), "from"});
        List<String> wrong = new java.util.ArrayList<>();
        cases.forEach((what, c) -> {
            Api.Response r = post("application/json", c[0]);
            if (r.status() != 400 || !r.isProblem() || !r.body().contains(c[1])) {
                wrong.add(what + " -> " + r);
            }
        });
        System.out.printf("STRICT INPUT kit: %d coercions, %d not refused with 400 naming the field%n",
                cases.size(), wrong.size());
        assertEquals(List.of(), wrong);
    }

    @Test
    void keepsTabsNewlinesAndAnyLanguageInText() {
        Api.Response r = post("application/json", with("name", "\"Zoë\\tÇelik\\n李 😀\""));
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void refusesContentAfterTheEndOfTheBody() {
        for (String trailing : List.of(VALID + " {}", VALID + "x", VALID + "]", VALID + ",{}", VALID + " null")) {
            Api.Response r = post("application/json", trailing);
            assertEquals(400, r.status(), trailing + " -> " + r);
            assertTrue(r.isProblem(), r.toString());
        }
        assertEquals(200, post("application/json", VALID + " \n\t ").status(), "white space after the body is fine");
    }

    @Test
    void refusesAJsonBodySentAsAnotherContentType() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            Api.Response r = post(type, VALID);
            assertEquals(415, r.status(), type + " -> " + r);
            assertTrue(r.isProblem(), r.toString());
        }
    }

    @Test
    void refusesDatesFarOutsideAnyCalendarInTheQuery() {
        Api api = new Api(server.getURL().toString());
        for (String query : List.of("from=%2B999999999-12-31", "from=10000-01-01", "to=0000-01-01",
                "from=2026-02-30")) {
            Api.Response r = api.get("/strict-samples/dates?" + query, tokens.regionAnalyst("MLW"));
            assertEquals(400, r.status(), query + " -> " + r);
            assertTrue(r.isProblem(), r.toString());
        }
    }
}
