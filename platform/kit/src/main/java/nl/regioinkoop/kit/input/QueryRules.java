package nl.regioinkoop.kit.input;

import nl.regioinkoop.kit.problem.Problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every query parameter checked like a body field: text by {@link StrictText}; {@code page} and {@code size} whole
 * numbers within bounds; {@code sort} only by the fields the endpoint names; a date parameter an ISO date on
 * {@link PlausibleDates}' calendar, and a range ({@code from}/{@code to}, {@code validFrom}/{@code validTo},
 * {@code periodStart}/{@code periodEnd}) not ending before it starts.
 */
final class QueryRules {
    static final int MAX_PAGE = 1_000_000;
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
    private static final Pattern SORT = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,63})(?:,(asc|desc))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QueryRules() {
    }

    /** Whether a parameter of this name carries a date (from, to, asOf, validFrom, referralDate, periodEnd...). */
    static boolean isDateName(String name) {
        return name.equals("from") || name.equals("to") || name.equals("asOf") || name.endsWith("From")
                || name.endsWith("To") || name.endsWith("Date") || name.equals("periodStart")
                || name.equals("periodEnd");
    }

    /**
     * @param parameters   the query as given, every value of every name
     * @param dateNames    the parameters the endpoint binds to a date, beside those named like one
     * @param sortable     the fields {@code sort} may name (none: sorting is refused)
     * @param maxPageSize  the largest {@code size}
     */
    static List<Problem.Violation> check(Map<String, List<String>> parameters, Set<String> dateNames,
                                         Set<String> sortable, int maxPageSize) {
        List<Problem.Violation> violations = new ArrayList<>();
        parameters.forEach((name, values) -> {
            String nameProblem = StrictText.problem(name);
            if (nameProblem != null) {
                violations.add(new Problem.Violation("query", "has a parameter name that " + nameProblem));
                return;
            }
            for (String value : values) {
                String problem = StrictText.problem(value);
                if (problem != null) {
                    violations.add(new Problem.Violation(name, problem));
                } else if (name.equals("page")) {
                    if (!WHOLE.matcher(value).matches() || Integer.parseInt(value) > MAX_PAGE) {
                        violations.add(new Problem.Violation(name, "must be a whole number from 0 to " + MAX_PAGE
                                + ", not " + shorten(value)));
                    }
                } else if (name.equals("size")) {
                    if (!WHOLE.matcher(value).matches() || Integer.parseInt(value) < 1
                            || Integer.parseInt(value) > maxPageSize) {
                        violations.add(new Problem.Violation(name, "must be a whole number from 1 to " + maxPageSize
                                + ", not " + shorten(value)));
                    }
                } else if (name.equals("sort")) {
                    violations.addAll(sort(value, sortable));
                } else if ((dateNames.contains(name) || isDateName(name)) && date(value) == null) {
                    violations.add(new Problem.Violation(name, "must be an ISO date (yyyy-mm-dd) between "
                            + PlausibleDates.EARLIEST + " and " + PlausibleDates.LATEST + ", not " + shorten(value)));
                }
            }
        });
        if (violations.isEmpty()) {
            for (String[] range : ranges(parameters)) {
                LocalDate start = date(first(parameters, range[0]));
                LocalDate end = date(first(parameters, range[1]));
                if (start != null && end != null && end.isBefore(start)) {
                    violations.add(new Problem.Violation(range[1], "must not lie before " + range[0]
                            + ": the range " + start + " to " + end + " would end before it starts"));
                }
            }
        }
        return violations;
    }

    private static List<Problem.Violation> sort(String value, Set<String> sortable) {
        if (sortable.isEmpty()) {
            return List.of(new Problem.Violation("sort", "this list has an order of its own and cannot be sorted"));
        }
        var m = SORT.matcher(value);
        if (!m.matches()) {
            return List.of(new Problem.Violation("sort", "must be a field, optionally followed by ,asc or ,desc; "
                    + "one of " + String.join(", ", new java.util.TreeSet<>(sortable))));
        }
        if (!sortable.contains(m.group(1))) {
            return List.of(new Problem.Violation("sort", "cannot sort by " + m.group(1) + "; sortable by "
                    + String.join(", ", new java.util.TreeSet<>(sortable))));
        }
        return List.of();
    }

    /** The start/end pairs the query holds: from/to, xFrom/xTo, xStart/xEnd. */
    private static List<String[]> ranges(Map<String, List<String>> parameters) {
        List<String[]> ranges = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (name.equals("from") && parameters.containsKey("to")) {
                ranges.add(new String[]{"from", "to"});
            } else if (name.endsWith("From") && parameters.containsKey(name.substring(0, name.length() - 4) + "To")) {
                ranges.add(new String[]{name, name.substring(0, name.length() - 4) + "To"});
            } else if (name.endsWith("Start") && parameters.containsKey(name.substring(0, name.length() - 5) + "End")) {
                ranges.add(new String[]{name, name.substring(0, name.length() - 5) + "End"});
            }
        }
        return ranges;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value as an ISO date on the calendar, or null. */
    static LocalDate date(String value) {
        if (value == null || !DATE.matcher(value).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return PlausibleDates.plausible(date) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String shorten(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return v.isEmpty() ? "empty" : v.toLowerCase(Locale.ROOT).equals(v) ? v : v;
    }
}
