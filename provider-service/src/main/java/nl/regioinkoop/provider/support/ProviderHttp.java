package nl.regioinkoop.provider.support;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;

/** What every reporting endpoint does the same way. */
public final class ProviderHttp {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private ProviderHttp() {
    }

    /** The AGB code of the calling provider; a PROVIDER token without one is refused. */
    public static String agbOf(Authentication authentication) {
        String agb = Caller.of(authentication).providerAgb();
        if (agb == null) {
            throw ProblemException.forbidden();
        }
        return agb;
    }

    /** The answer as JSON text, byte for byte what a retry with the same Idempotency-Key gets. */
    public static HttpResponse<String> respond(Submissions.Answer answer) {
        return HttpResponse.<String>status(HttpStatus.valueOf(answer.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(answer.json());
    }
}
