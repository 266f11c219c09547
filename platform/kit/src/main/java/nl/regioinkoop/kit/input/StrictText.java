package nl.regioinkoop.kit.input;

/**
 * Text a person could have typed: no control characters (NUL, escape, the C1 range; tab, line feed and carriage
 * return are fine) and no half of a surrogate pair. Such characters are never meant; they break logs, exports
 * and the iStandaarden messages downstream, and a NUL cannot be stored in PostgreSQL text at all.
 */
public final class StrictText {
    private StrictText() {
    }

    /** What is wrong with the text, or null when nothing is. */
    public static String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c >= 0x80 && c <= 0x9f) {
                return String.format("must not contain the control character U+%04X (at position %d)", (int) c, i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return "must not contain half of a surrogate pair (at position " + i + ")";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must not contain half of a surrogate pair (at position " + i + ")";
            }
        }
        return null;
    }
}
