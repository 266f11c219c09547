package nl.regioinkoop.local.scenario;

import io.micronaut.json.JsonMapper;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The running services a scenario is loaded into, with the calls every loader makes: JSON bodies, each answer
 * checked (a refusal stops the load with the service's own problem detail), and waiting for a consumer to catch up.
 */
public final class ScenarioPlatform {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    public final Api access;
    public final Api contracting;
    public final Api provider;
    public final Api monitoring;
    public final Tokens tokens;
    /** The day the scenario is loaded; its dates are derived from it so it loads on any day. */
    public final LocalDate today;

    public ScenarioPlatform(String accessUrl, String contractingUrl, String providerUrl, String monitoringUrl,
                            Tokens tokens, LocalDate today) {
        this.access = new Api(accessUrl);
        this.contracting = new Api(contractingUrl);
        this.provider = new Api(providerUrl);
        this.monitoring = new Api(monitoringUrl);
        this.tokens = tokens;
        this.today = today;
    }

    /**
     * The term every scenario's contracts start: 1 January of the year three months ago, so the allocations of
     * the last two months lie inside the first year of the term and their months can be declared.
     */
    public LocalDate termStart() {
        return LocalDate.of(today.minusMonths(3).getYear(), 1, 1);
    }

    /** First day of the month two months back: allocations that already ran a whole month. */
    public LocalDate careFrom() {
        return today.minusMonths(2).withDayOfMonth(1);
    }

    public Api.Response post(Api api, String path, String token, Object body) {
        return send(api, "POST", path, token, body);
    }

    public Api.Response put(Api api, String path, String token, Object body) {
        return send(api, "PUT", path, token, body);
    }

    public Api.Response send(Api api, String method, String path, String token, Object body) {
        try {
            return api.send(method, path, token, "application/json", JSON.writeValueAsString(body), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Api.Response expect(int status, Api.Response response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response);
        }
        return response;
    }

    /** Retries while a consumer has not caught up yet (e.g. access-service has not seen the contract yet). */
    public static Api.Response eventually(int status, Supplier<Api.Response> call, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Response response = call.get();
        while (response.status() != status && System.nanoTime() < deadline) {
            pause();
            response = call.get();
        }
        return expect(status, response, what);
    }

    /** Waits until a condition holds (a replica caught up), or fails after a minute. */
    public static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting: " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String id(Api.Response response) {
        return String.valueOf(response.json().get("id"));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> content(Api.Response page) {
        return (List<Map<String, Object>>) page.json().get("content");
    }
}
