package nl.regioinkoop.istandaarden;

import java.util.List;

/** The outcome of validating one message against the XSD of its type. */
public record Validation(MessageType type, List<Violation> violations) {

    public Validation {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    /** Throws {@link InvalidMessageException} listing the violations unless the message is valid. */
    public Validation requireValid() {
        if (!valid()) {
            throw new InvalidMessageException(type, violations);
        }
        return this;
    }
}
