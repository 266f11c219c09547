package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/**
 * The header every message carries: Afzender and Ontvanger (a 4-digit CBS municipality code or an 8-digit AGB code,
 * depending on the direction), BerichtIdentificatie (up to 12 characters, unique per sender and message type) with
 * its Dagtekening, and XsdVersie. When writing, a {@code null} xsdVersion means "the version of the schema in use".
 */
public record Header(String sender, String receiver, String messageId, LocalDate messageDate, XsdVersion xsdVersion) {

    /** A header for an outgoing message; the writer fills in the XsdVersie of its schema. */
    public static Header outgoing(String sender, String receiver, String messageId, LocalDate messageDate) {
        return new Header(sender, receiver, messageId, messageDate, null);
    }
}
