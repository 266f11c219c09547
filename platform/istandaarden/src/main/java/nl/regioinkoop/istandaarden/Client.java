package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/**
 * The client as the messages identify them: BSN, Geboortedatum (with DatumGebruik, the precision code, usually null),
 * Geslacht (0 unknown, 1 male, 2 female) and name. {@link #toString()} hides the BSN and the name: they must never be
 * logged.
 */
public record Client(String bsn, LocalDate birthDate, String birthDateUsage, String gender, Name name) {

    public static Client of(String bsn, LocalDate birthDate, String gender, Name name) {
        return new Client(bsn, birthDate, null, gender, name);
    }

    @Override
    public String toString() {
        return "Client[bsn=***]";
    }
}
