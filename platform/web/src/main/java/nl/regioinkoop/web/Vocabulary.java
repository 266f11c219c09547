package nl.regioinkoop.web;

import java.util.Map;

/**
 * The Dutch names of the codes the screens show, so that no code stands alone: referrer types (iStandaard COD327),
 * the demo region's segments and triage outcomes. A code not listed here is shown as it is (a scenario region's own
 * vocabulary, until it is named here or in its configuration).
 */
public final class Vocabulary {
    static final Map<String, String> REFERRER_TYPES = Map.of(
            "01", "Gemeentelijke toegang", "02", "Huisarts", "03", "Jeugdarts", "04", "Gecertificeerde instelling",
            "05", "Medisch specialist", "06", "Geen verwijzer / zelfverwijzer", "08", "Rechter, OM of JJI");
    static final Map<String, String> SEGMENTS = Map.ofEntries(
            Map.entry("RESIDENTIAL_TREATMENT", "Verblijf met behandeling"), Map.entry("HOUSING", "Wonen"),
            Map.entry("DAY_TREATMENT", "Dagbehandeling"), Map.entry("AMBULANT", "Ambulante jeugdhulp"),
            Map.entry("CRISIS", "Crisis"), Map.entry("WMO_MULTIPLE_PROBLEMS", "Wmo meervoudige problematiek"),
            Map.entry("WMO_SINGLE_PROBLEM", "Wmo enkelvoudige problematiek"),
            Map.entry("WMO_STRUCTURAL_SUPPORT", "Wmo structurele ondersteuning"),
            Map.entry("WMO_ELDERLY", "Wmo ouderen"));
    static final Map<String, String> OUTCOMES = Map.of(
            "NORMALISED", "Opgelost in het gewone leven", "GENERAL_PROVISION", "Algemene voorziening",
            "SPECIALIST_CARE", "Specialistische zorg nodig");

    private Vocabulary() {
    }

    public static String referrerType(String code) {
        return REFERRER_TYPES.get(code);
    }

    public static String segment(String code) {
        return SEGMENTS.get(code);
    }

    public static String outcome(String code) {
        return OUTCOMES.get(code);
    }
}
