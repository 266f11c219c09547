package nl.regioinkoop.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's refusals in the screens' Dutch: a violation's message next to its field, and a refusal's detail at the
 * top of the form. The API keeps its English (programs read it); what is not listed here is shown as the API wrote
 * it, so nothing is lost when a new message appears before its translation.
 */
final class Messages {
    /** Violation messages, longest first so that "must be 9 digits" is not taken for a shorter phrase. */
    private static final Map<String, String> FIELD = new LinkedHashMap<>();

    static {
        FIELD.put("fails the elfproef", "klopt niet volgens de elfproef: controleer het op een tikfout");
        FIELD.put("must be 9 digits", "een BSN heeft 9 cijfers");
        FIELD.put("must not be blank", "vul dit in");
        FIELD.put("must not be null", "vul dit in");
        FIELD.put("must not be empty", "vul dit in");
        FIELD.put("must be a past date", "moet in het verleden liggen");
        FIELD.put("must be a date in the past", "moet in het verleden liggen");
        FIELD.put("in the future", "ligt in de toekomst");
        FIELD.put("required for this referrer type", "vul de verwijzer in: bij dit type verwijzer is die verplicht");
        FIELD.put("required for SPECIALIST_CARE", "verplicht bij specialistische zorg (samen met de intensiteit)");
        FIELD.put("unknown segment", "geen segment van uw regio");
        FIELD.put("unknown profile", "geen cliëntprofiel van uw regio");
        FIELD.put("out of range", "ligt buiten het toegestane bereik");
        FIELD.put("before validFrom", "ligt vóór de ingangsdatum");
        FIELD.put("outside the period", "ligt buiten de looptijd van de toewijzing");
        FIELD.put("other budget year", "een toewijzing blijft in het begrotingsjaar waarin ze begon");
        FIELD.put("too large", "is te groot");
        FIELD.put("must be greater than 0", "moet groter zijn dan 0");
        FIELD.put("must be an AGB code of 8 digits", "een AGB-code heeft 8 cijfers");
        FIELD.put("unknown client", "deze inwoner is niet geregistreerd");
        FIELD.put("unknown referral", "deze verwijzing bestaat niet");
        FIELD.put("not a date", "geen geldige datum (dd-mm-jjjj)");
        FIELD.put("not a number", "geen geheel getal");
        FIELD.put("must be NORMALISED, GENERAL_PROVISION or SPECIALIST_CARE", "kies een uitkomst");
        FIELD.put("must be a product code", "kies een product");
        FIELD.put("must be a CBS municipality code", "geen gemeentecode");
        FIELD.put("size must be between", "is te lang");
        FIELD.put("must be greater than or equal to 0", "mag niet negatief zijn");
        FIELD.put("required", "vul dit in");
        FIELD.put("unknown", "onbekende waarde");
    }

    private Messages() {
    }

    static String field(String message) {
        if (message == null) {
            return "";
        }
        if (message.startsWith("not a ") && message.endsWith(" code")) {
            return "kies een geldige code uit de lijst";
        }
        for (Map.Entry<String, String> e : FIELD.entrySet()) {
            if (message.equals(e.getKey())) {
                return e.getValue();
            }
        }
        for (Map.Entry<String, String> e : FIELD.entrySet()) {
            if (message.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return message;
    }

    /** The refusal's detail at the top of the form. */
    static String detail(String slug, String detail, boolean hasViolations) {
        if (hasViolations) {
            return "Niet verwerkt: controleer de gemarkeerde velden. Er is niets opgeslagen.";
        }
        return switch (slug == null ? "" : slug) {
            case "client-already-registered" -> "Deze inwoner is al geregistreerd in uw gemeente.";
            case "client-already-in-family-plan" -> "Deze inwoner hoort al bij een gezinsplan: één plan per huishouden.";
            case "request-already-answered" -> "Dit verzoek is al beantwoord.";
            case "allocation-not-active" -> "Deze toewijzing loopt niet meer: ze is beëindigd of ingetrokken.";
            case "not-triaged-for-specialist-care" ->
                    "Alleen een verwijzing met triage-uitkomst 'specialistische zorg nodig' krijgt een toewijzing.";
            case "no-budget-line" -> "Uw gemeente heeft voor dit segment of deze productcategorie geen budgetregel in "
                    + "dat jaar. Vraag de budgethouder een budgetregel aan te maken. Er is niets opgeslagen.";
            default -> "Niet verwerkt: " + detail;
        };
    }
}
