package nl.regioinkoop.kit.input;

import io.micronaut.serde.exceptions.SerdeException;

/**
 * A request's field that cannot be taken as it is: the field's path in the body ({@code lines[3].volume}) or the
 * query parameter's name, and what is wrong with it. Written as a 400 with that field among the violations.
 */
public final class InputRefused extends SerdeException {
    private final String field;
    private final String reason;

    public InputRefused(String field, String reason) {
        super((field.isEmpty() ? "the body" : field) + " " + reason);
        this.field = field.isEmpty() ? "body" : field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The refusal among the causes of a framework error, if one is there. */
    public static InputRefused in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InputRefused refused) {
                return refused;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
