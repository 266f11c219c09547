package nl.regioinkoop.istandaarden;

/** The XsdVersie of a message: versions of the basisschema and of the message XSD it was composed with. */
public record XsdVersion(String basisschema, String message) {
}
