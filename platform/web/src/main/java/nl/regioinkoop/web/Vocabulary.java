package nl.regioinkoop.web;

import java.util.Map;

/**
 * The Dutch names of the codes the screens show, so that no code stands alone: referrer types (iStandaard COD327),
 * the demo region's segments and triage outcomes, product categories (JZ020, WMO020), units (WJ756), frequencies
 * (WMO757), end reasons (JZ588), reasons to reject a request (WJ759), the family plan's domains and goal statuses,
 * and the demo region's municipalities (CBS). A code not listed here is shown as it is (a scenario region's own
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

    /** JZ020 (iJw 3.2) and WMO020 (iWmo 3.2) product categories; the two lists do not overlap. */
    static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("40", "Persoonlijke verzorging"), Map.entry("41", "Dagbehandeling"),
            Map.entry("42", "Vervoerdiensten"), Map.entry("43", "Jeugdhulp verblijf (incl. behandeling)"),
            Map.entry("44", "Jeugdhulp verblijf (excl. behandeling)"), Map.entry("45", "Jeugdhulp ambulant"),
            Map.entry("46", "Jeugdhulp crisis"), Map.entry("47", "Jeugdreclassering"),
            Map.entry("48", "Jeugdbescherming"), Map.entry("49", "Activiteiten in het preventief justitieel kader"),
            Map.entry("50", "Maatwerkarrangementen jeugd"), Map.entry("51", "Generalistische basis-ggz"),
            Map.entry("52", "Specialistische ggz"), Map.entry("53", "Kindergeneeskunde"), Map.entry("54", "Jeugd-ggz"),
            Map.entry("55", "Landelijk ingekochte zorg"),
            Map.entry("01", "Hulp bij het huishouden"), Map.entry("02", "Begeleiding"),
            Map.entry("03", "Persoonlijke verzorging"), Map.entry("04", "Kortdurend verblijf"),
            Map.entry("05", "Woondiensten"), Map.entry("06", "Overige ondersteuning individu of huishouden"),
            Map.entry("07", "Dagbesteding"), Map.entry("08", "Vervoerdiensten"),
            Map.entry("09", "Overige groepsgerichte ondersteuning"), Map.entry("10", "Overige maatwerkarrangementen"),
            Map.entry("11", "Rolstoelen"), Map.entry("12", "Vervoervoorzieningen"), Map.entry("13", "Woonvoorzieningen"),
            Map.entry("14", "Overige hulpmiddelen"), Map.entry("15", "Beschermd wonen"), Map.entry("16", "Opvang"),
            Map.entry("17", "Spoedopvang"), Map.entry("18", "Overige beschermd wonen en opvang"));
    /** WJ756 unit. */
    static final Map<String, String> UNITS = Map.of("01", "minuut", "04", "uur", "14", "etmaal",
            "16", "dagdeel (4 uur)", "82", "stuks (output)", "83", "euro's", "84", "stuks (inspanning)");
    /** WMO757 frequency. */
    static final Map<String, String> FREQUENCIES = Map.of("1", "per dag", "2", "per week", "4", "per maand",
            "6", "totaal binnen de geldigheidsduur");
    /** JZ588 reason care ended. */
    static final Map<String, String> END_REASONS = Map.ofEntries(Map.entry("02", "Overlijden"),
            Map.entry("20", "Levering is tijdelijk beëindigd"), Map.entry("31", "Levering is volgens plan beëindigd"),
            Map.entry("32", "Voortijdig afgesloten, door cliënt"), Map.entry("33", "Voortijdig afgesloten, door aanbieder"),
            Map.entry("34", "Voortijdig afgesloten, in overleg"), Map.entry("35", "Voortijdig afgesloten, externe oorzaak"),
            Map.entry("36", "Geïnitieerd door de gemeente"), Map.entry("37", "In verband met wijzigingsverzoek"),
            Map.entry("38", "Overstap naar andere aanbieder"), Map.entry("39", "Uitstroom naar ander domein"));
    /** WJ759 reason a request for allocation is rejected. */
    static final Map<String, String> REJECTION_REASONS = Map.of("1", "Geen wijziging, maar nieuwe aanvraag",
            "2", "Past niet binnen budget", "3", "Geen contract", "4", "Past niet binnen contract",
            "5", "Andere gemeente", "6", "Stapeling", "7", "Zorginhoudelijke afkeur", "8", "Woonplaatsbeginsel",
            "9", "Leeftijdsgrens is bereikt");
    /** The family plan's life domains. */
    static final Map<String, String> DOMAINS = Map.of("YOUTH", "Jeugd", "WMO", "Wmo-ondersteuning",
            "EDUCATION", "Onderwijs", "WORK_AND_INCOME", "Werk en inkomen", "DEBT", "Schulden", "HOUSING", "Wonen",
            "HEALTH", "Gezondheid", "SAFETY", "Veiligheid", "SOCIAL_NETWORK", "Sociaal netwerk");
    static final Map<String, String> GOAL_STATUSES = Map.of("OPEN", "Open", "ACHIEVED", "Bereikt",
            "ABANDONED", "Losgelaten");
    /** Allocation statuses. */
    static final Map<String, String> ALLOCATION_STATUSES = Map.of("ACTIVE", "Lopend", "ENDED", "Beëindigd",
            "WITHDRAWN", "Ingetrokken");
    /** The demo region's municipalities (CBS codes 2026). */
    static final Map<String, String> MUNICIPALITIES = Map.of("0988", "Weert", "0946", "Nederweert", "1640", "Leudal");

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

    public static String category(String code) {
        return CATEGORIES.get(code);
    }

    public static String unit(String code) {
        return UNITS.get(code);
    }

    public static String frequency(String code) {
        return FREQUENCIES.get(code);
    }

    public static String endReason(String code) {
        return END_REASONS.get(code);
    }

    public static String rejectionReason(String code) {
        return REJECTION_REASONS.get(code);
    }

    public static String domain(String code) {
        return DOMAINS.get(code);
    }

    public static String goalStatus(String code) {
        return GOAL_STATUSES.get(code);
    }

    public static String allocationStatus(String code) {
        return ALLOCATION_STATUSES.get(code);
    }

    public static String municipality(String code) {
        return MUNICIPALITIES.get(code);
    }

    /** A code list as (code, name) pairs in code order, for a form's select. */
    public static java.util.List<Map.Entry<String, String>> list(String name) {
        Map<String, String> list = switch (name) {
            case "referrerTypes" -> REFERRER_TYPES;
            case "units" -> UNITS;
            case "frequencies" -> FREQUENCIES;
            case "endReasons" -> END_REASONS;
            case "rejectionReasons" -> REJECTION_REASONS;
            case "domains" -> DOMAINS;
            case "goalStatuses" -> GOAL_STATUSES;
            case "outcomes" -> OUTCOMES;
            default -> throw new IllegalArgumentException("no code list " + name);
        };
        return new java.util.TreeMap<>(list).entrySet().stream().toList();
    }
}
