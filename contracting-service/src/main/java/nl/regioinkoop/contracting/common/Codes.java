package nl.regioinkoop.contracting.common;

import java.util.Set;
import java.util.regex.Pattern;

/** The iStandaarden and register codes contracting-service accepts (DOMAIN.md, "Codes worth using"). */
public final class Codes {
    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
    private static final Pattern CATEGORY = Pattern.compile("\\d{2}");
    private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Z0-9]{1,5}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{2,40}");
    private static final Pattern REGION = Pattern.compile("[A-Z0-9]{2,10}");
    /** WJ756: 01 minute, 04 hour, 14 24-hour day, 16 day part, 82 piece (output), 83 euros, 84 piece (effort). */
    public static final Set<String> UNITS = Set.of("01", "04", "14", "16", "82", "83", "84");
    public static final Set<String> FUNDING_MODELS = Set.of("PXQ", "OUTPUT", "LUMP_SUM", "CAPACITY", "POPULATION",
            "COST_PLUS");
    public static final Set<String> CONTRACT_FORMS = Set.of("OPEN_HOUSE", "SELECTIVE", "PARTNERSHIP");

    private Codes() {
    }

    public static boolean isAgb(String code) {
        return code != null && AGB.matcher(code).matches();
    }

    public static boolean isMunicipality(String code) {
        return code != null && MUNICIPALITY.matcher(code).matches() && !"0000".equals(code);
    }

    public static boolean isRegion(String code) {
        return code != null && REGION.matcher(code).matches();
    }

    /** JZ020 youth categories 40-55 or WMO020 Wmo categories 01-18. */
    public static boolean isProductCategory(String category) {
        if (category == null || !CATEGORY.matcher(category).matches()) {
            return false;
        }
        int n = Integer.parseInt(category);
        return (n >= 40 && n <= 55) || (n >= 1 && n <= 18);
    }

    public static boolean isProductCode(String code) {
        return code != null && PRODUCT_CODE.matcher(code).matches();
    }

    public static boolean isSegment(String segment) {
        return segment != null && SEGMENT.matcher(segment).matches();
    }
}
