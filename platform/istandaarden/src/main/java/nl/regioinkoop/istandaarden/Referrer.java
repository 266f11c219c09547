package nl.regioinkoop.istandaarden;

/** Verwijzer: type (COD327: 01 municipality, 02 GP, 03 youth doctor, 04 GI, 05 specialist, 06 none, 08 court), optional name and AGB code of the referring care provider. */
public record Referrer(String type, String name, String careProviderCode) {
}
