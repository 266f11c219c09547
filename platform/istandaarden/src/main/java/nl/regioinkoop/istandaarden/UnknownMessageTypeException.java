package nl.regioinkoop.istandaarden;

/** The document is not an iJw or iWmo 3.2 message this library knows (or not XML at all). */
public class UnknownMessageTypeException extends RuntimeException {

    public UnknownMessageTypeException(String message) {
        super(message);
    }
}
