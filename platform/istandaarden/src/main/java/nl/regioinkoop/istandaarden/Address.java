package nl.regioinkoop.istandaarden;

/** An address (CDT_Adres); every part is optional, a house letter or addition needs a house number. */
public record Address(Integer houseNumber, String houseLetter, String houseNumberAddition, String postcode,
                      String street, String city, String countryCode) {

    @Override
    public String toString() {
        return "Address[***]";
    }
}
