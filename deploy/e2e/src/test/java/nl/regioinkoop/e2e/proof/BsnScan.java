package nl.regioinkoop.e2e.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for BSNs: nine digits standing alone that pass the elfproef. Standing alone rules out the digits inside
 * a hex pseudonym or a UUID and the nanoseconds of a timestamp; a number that is the value of a money or count
 * field in JSON ({@code "amountCents":123456789}) is not an identifier either.
 */
final class BsnScan {
    // not part of a word, a decimal or a negative number, nor an identity hash code (Object@382068580 in a log line)
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9A-Za-z.\\-@])\\d{9}(?![0-9A-Za-z])");
    private static final Pattern NUMERIC_FIELD = Pattern.compile(
            "\"[A-Za-z]*(?i:cents|amount|volume|count|size|offset|total|received|accepted|rejected)\"\\s*:\\s*$");

    /** Per source (topic, log file, database), how many messages, lines or values were read. */
    final Map<String, Long> read = new TreeMap<>();
    final List<String> found = new ArrayList<>();
    /** Every BSN seen, also beyond the first 50 that {@link #found} shows. */
    long hits;

    void scan(String source, String text) {
        scan(source, "", text);
    }

    /** @param detail where exactly (a column, a record's offset), shown only with a finding */
    void scan(String source, String detail, String text) {
        read.merge(source, 1L, Long::sum);
        Matcher m = NINE_DIGITS.matcher(text);
        while (m.find()) {
            String digits = m.group();
            if (!Bsns.passesElfproef(digits)) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            if (NUMERIC_FIELD.matcher(before).find()) {
                continue;
            }
            hits++;
            if (found.size() < 50) {
                found.add(source + detail + ": " + digits + " in ..." + before
                        + text.substring(m.start(), Math.min(text.length(), m.end() + 40)) + "...");
            } else if (found.size() == 50) {
                found.add("(more left out)");
            }
        }
    }

    void scanFile(String source, Path file) {
        read.putIfAbsent(source, 0L);
        // Latin-1 decodes any byte: a malformed character in a log must not stop the scan, and digits are ASCII
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null) {
                scan(source, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long total() {
        return read.values().stream().mapToLong(Long::longValue).sum();
    }
}
