package nl.regioinkoop.istandaarden;

/** A client's name: Achternaam with its Voorvoegsel, Voornamen and Voorletters (only the surname is required). */
public record Name(String surname, String prefix, String givenNames, String initials) {

    @Override
    public String toString() {
        return "Name[***]";
    }
}
