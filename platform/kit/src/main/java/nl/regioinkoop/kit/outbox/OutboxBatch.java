package nl.regioinkoop.kit.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Several events of one topic in one outbox row, for work that yields thousands of events in one transaction (a
 * bulk declaration): one row per {@link #EVENTS_PER_ROW} events instead of one each, so the table, its indexes and
 * the relay's {@code published_at} update grow per row, not per event. The relay sends each event as its own
 * record, with the same key, value and headers a single row would give it, in the order appended.
 *
 * <p>Payload: one line per event, {@code key TAB type TAB eventId TAB json}. Compact JSON holds no raw tab or
 * newline (inside strings they are escaped), and keys, types and ids are checked for them.
 */
final class OutboxBatch {
    /** The {@code event_type} of a batch row: a colon is in no event class name. */
    static final String TYPE = "outbox:batch";
    /** ~700 bytes an event: a row stays well under a megabyte, and the relay reads few rows at a time. */
    static final int EVENTS_PER_ROW = 250;

    record Event(String key, String type, String eventId, String json) {
    }

    private OutboxBatch() {
    }

    static String encode(List<Event> events) {
        StringBuilder payload = new StringBuilder(events.size() * 800);
        for (Event event : events) {
            payload.append(plain(event.key())).append('\t').append(plain(event.type())).append('\t')
                    .append(plain(event.eventId())).append('\t').append(plain(event.json())).append('\n');
        }
        return payload.toString();
    }

    static List<Event> decode(String payload) {
        List<Event> events = new ArrayList<>();
        int start = 0;
        while (start < payload.length()) {
            int end = payload.indexOf('\n', start);
            int a = payload.indexOf('\t', start);
            int b = payload.indexOf('\t', a + 1);
            int c = payload.indexOf('\t', b + 1);
            if (end < 0 || a < 0 || b < 0 || c < 0 || c > end) {
                throw new IllegalStateException("malformed outbox batch row near character " + start);
            }
            events.add(new Event(payload.substring(start, a), payload.substring(a + 1, b), payload.substring(b + 1, c),
                    payload.substring(c + 1, end)));
            start = end + 1;
        }
        return events;
    }

    private static String plain(String field) {
        if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an outbox batch field holds a tab or newline: " + field);
        }
        return field;
    }
}
