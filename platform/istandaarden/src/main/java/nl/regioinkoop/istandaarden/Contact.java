package nl.regioinkoop.istandaarden;

/** A Contact of the client in a 301: its kind (AdresSoort: 01 BRP, 02 correspondence, 03 residence, 04 temporary) and address. */
public record Contact(String kind, Address address) {
}
