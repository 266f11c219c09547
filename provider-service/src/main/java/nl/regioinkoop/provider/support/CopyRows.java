package nl.regioinkoop.provider.support;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Rows for PostgreSQL's {@code COPY ... from stdin} in its text format, one field after another: tab between
 * fields, newline after a row, {@code \N} for null, and backslash, tab, newline and carriage return escaped, so
 * any text a provider sends arrives as sent. Written to the server in chunks while rows are still being added.
 */
public final class CopyRows {
    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean firstField = true;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    public CopyRows text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    public CopyRows number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    public CopyRows uuid(UUID value) {
        return value == null ? text(null) : plain(value.toString());
    }

    public CopyRows date(LocalDate value) {
        return value == null ? text(null) : plain(value.toString());
    }

    /** ISO 8601 in UTC ({@code 2026-11-22T08:12:00.123456Z}), which PostgreSQL reads as a timestamptz. */
    public CopyRows instant(Instant value) {
        return value == null ? text(null) : plain(value.toString());
    }

    /** Ends the row; sends what has gathered once it is large enough. */
    public void endRow() throws SQLException {
        buffer.append('\n');
        firstField = true;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private CopyRows plain(String value) {
        separate();
        buffer.append(value);
        return this;
    }

    private void separate() {
        if (!firstField) {
            buffer.append('\t');
        }
        firstField = false;
    }

    private void flush() throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
