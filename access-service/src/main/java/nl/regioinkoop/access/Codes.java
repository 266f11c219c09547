package nl.regioinkoop.access;

import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;

import java.util.Map;

/** The iStandaarden (iJw/iWmo 3.2) code lists access validates against, with their meanings. */
public final class Codes {
    /** COD327 referrer type; there is no 07. */
    public static final Map<String, String> REFERRER = Map.of("01", "municipality", "02", "general practitioner",
            "03", "youth doctor", "04", "certified institution (GI)", "05", "medical specialist",
            "06", "self-referral / none", "08", "court, public prosecutor or juvenile institution");
    /** WJ756 unit. */
    public static final Map<String, String> UNIT = Map.of("01", "minute", "04", "hour", "14", "24-hour day",
            "16", "day part (4 h)", "82", "piece (output)", "83", "euros", "84", "piece (effort)");
    /** WMO757 frequency. */
    public static final Map<String, String> FREQUENCY = Map.of("1", "per day", "2", "per week", "4", "per month",
            "6", "total within the allocation's validity");
    /** JZ588 reason care ended. */
    public static final Map<String, String> END_REASON = Map.ofEntries(Map.entry("02", "death"),
            Map.entry("20", "temporarily ended"), Map.entry("31", "according to plan"),
            Map.entry("32", "early, by the client"), Map.entry("33", "early, by the provider"),
            Map.entry("34", "early, agreed"), Map.entry("35", "early, external circumstances"),
            Map.entry("36", "initiated by the municipality"), Map.entry("37", "change request"),
            Map.entry("38", "moved to another provider"), Map.entry("39", "moved to another domain"));
    /** WJ759 reason a request is rejected. */
    public static final Map<String, String> REJECTION_REASON = Map.of("1", "new application instead of a change",
            "2", "does not fit the budget", "3", "no contract", "4", "does not fit the contract",
            "5", "other municipality", "6", "stacking", "7", "rejected on content", "8", "residence principle",
            "9", "age limit");

    private Codes() {
    }

    /** @throws ProblemException 400 naming the field and the allowed codes */
    public static String require(Map<String, String> list, String listName, String field, String value) {
        if (value == null || !list.containsKey(value)) {
            throw ProblemException.invalid(field + " must be a " + listName + " code, one of "
                    + new java.util.TreeSet<>(list.keySet()) + "; got " + value,
                    new Problem.Violation(field, "not a " + listName + " code"));
        }
        return value;
    }
}
