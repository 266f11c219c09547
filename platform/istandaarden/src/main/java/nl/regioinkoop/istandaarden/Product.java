package nl.regioinkoop.istandaarden;

/**
 * A product: its category (JZ020 for iJw, e.g. 45 ambulant; WMO020 for iWmo, e.g. 02 support) and optionally its
 * code of up to 5 characters (e.g. 45A48). A product without code stands for the whole category.
 */
public record Product(String category, String code) {
}
