package nl.regioinkoop.local.demo;

import nl.regioinkoop.testkit.Api;

import java.time.Duration;
import java.util.function.Supplier;

/** The loader's calls: each must succeed, a refusal stops the load with the service's own problem detail. */
final class Http {
    private Http() {
    }

    static Api.Response expect(int status, Api.Response response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response);
        }
        return response;
    }

    /** Retries while a consumer has not caught up yet (e.g. access-service has not seen the contract yet). */
    static Api.Response eventually(int status, Supplier<Api.Response> call, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Response response = call.get();
        while (response.status() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            response = call.get();
        }
        return expect(status, response, what);
    }

    static String id(Api.Response response) {
        return String.valueOf(response.json().get("id"));
    }
}
