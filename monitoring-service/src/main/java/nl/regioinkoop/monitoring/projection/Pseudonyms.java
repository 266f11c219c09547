package nl.regioinkoop.monitoring.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * The last line of defence against a BSN reaching monitoring: producers send keyed pseudonyms, so a value that
 * looks like a BSN (nine digits) is a producer's mistake and is not stored at all.
 */
final class Pseudonyms {
    private static final Logger LOG = LoggerFactory.getLogger(Pseudonyms.class);
    private static final Pattern LOOKS_LIKE_BSN = Pattern.compile("\\d{8,9}");

    private Pseudonyms() {
    }

    static String safe(String pseudonym, Object eventId) {
        if (pseudonym != null && LOOKS_LIKE_BSN.matcher(pseudonym.strip()).matches()) {
            LOG.warn("event {} carried a client value that looks like a BSN; it is not stored", eventId);
            return null;
        }
        return pseudonym;
    }
}
