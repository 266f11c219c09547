package nl.regioinkoop.istandaarden;

/** One place where a message breaks its schema (or is not well-formed XML); line and column are 1-based, -1 if unknown. */
public record Violation(int line, int column, String message) {

    public Violation {
        // the validator echoes offending values; a nine-digit value may be a BSN, which must never reach a log
        message = message == null ? "" : message.replaceAll("(?<![0-9])[0-9]{9}(?![0-9])", "<nine digits>");
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
