package nl.regioinkoop.kit.observability;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One id per HTTP request, so its log lines, its events and the consumers' log lines about those events can be
 * found together: taken from {@value #HEADER} or made, kept in the MDC as {@value #MDC_KEY}, written to the outbox
 * and sent as the Kafka header {@value #KAFKA_HEADER}.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String KAFKA_HEADER = "requestId";
    /** A caller's id goes into log lines and headers: only plain characters, so it cannot forge a log line. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    private RequestIds() {
    }

    /** The caller's id if it is a plain token of at most 100 characters, else a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** The id of the request (or event) being handled on this thread, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Puts the id in the MDC until the returned scope is closed, and restores what was there before. */
    public static Scope open(String requestId) {
        String before = MDC.get(MDC_KEY);
        if (requestId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, requestId);
        }
        return () -> {
            if (before == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, before);
            }
        };
    }

    /** The span of work a request id belongs to. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
