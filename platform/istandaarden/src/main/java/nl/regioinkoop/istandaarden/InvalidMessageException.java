package nl.regioinkoop.istandaarden;

import java.util.List;
import java.util.stream.Collectors;

/** A message (read or about to be written) that breaks the schema of its type. Never carries message content. */
public class InvalidMessageException extends RuntimeException {

    private final transient MessageType type;
    private final transient List<Violation> violations;

    public InvalidMessageException(MessageType type, List<Violation> violations) {
        super(type + " does not validate against " + type.schemaFile() + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public MessageType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }
}
