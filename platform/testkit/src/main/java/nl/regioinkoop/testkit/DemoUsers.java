package nl.regioinkoop.testkit;

import java.util.ArrayList;
import java.util.List;

/** The demo region's people, one per role and tenant, as the local OIDC server and the tests sign them in. */
public final class DemoUsers {
    public static final String REGION = "Midden-Limburg West";
    public static final String ACCESS_WEERT = "toegang-0988";
    public static final String ACCESS_NEDERWEERT = "toegang-0946";
    public static final String ANALYST_WEERT = "analist-0988";
    public static final String PROCUREMENT = "inkoop-mlw";
    public static final String REGION_ANALYST = "regio-analist-mlw";
    public static final String PROVIDER_DE_BRUG = "aanbieder-41000012";

    private DemoUsers() {
    }

    /** Weert 0988, Nederweert 0946, Leudal 1640, the region MLW and two of its providers. */
    public static List<OidcUser> midLimburgWest() {
        List<OidcUser> users = new ArrayList<>();
        String[][] municipalities = {{"0988", "Weert"}, {"0946", "Nederweert"}, {"1640", "Leudal"}};
        for (String[] m : municipalities) {
            users.add(OidcUser.accessOfficer(REGION, m[0], m[1]));
        }
        for (String[] m : municipalities) {
            users.add(OidcUser.municipalityAnalyst(REGION, m[0], m[1]));
        }
        users.add(OidcUser.procurementOfficer(REGION, "MLW"));
        users.add(OidcUser.regionAnalyst(REGION, "MLW"));
        users.add(OidcUser.provider(REGION, "41000012", "Jeugdhulp De Brug"));
        users.add(OidcUser.provider(REGION, "41000013", "Praktijk Groeikracht"));
        return users;
    }
}
