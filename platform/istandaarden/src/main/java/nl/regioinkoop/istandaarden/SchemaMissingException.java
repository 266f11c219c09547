package nl.regioinkoop.istandaarden;

import java.nio.file.Path;

/** The message type is known, but its XSD is not in the configured schema directory, so it cannot be validated. */
public class SchemaMissingException extends RuntimeException {

    private final transient MessageType type;

    public SchemaMissingException(MessageType type, Path expected) {
        super("no schema for " + type + ": " + expected + " does not exist, so " + type
                + " messages can be neither validated nor produced");
        this.type = type;
    }

    public MessageType type() {
        return type;
    }
}
