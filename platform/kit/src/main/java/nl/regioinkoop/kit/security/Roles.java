package nl.regioinkoop.kit.security;

/** The roles a token may carry, and the tenant claim that goes with each. */
public final class Roles {
    /** An access team member of one municipality (claim {@code municipality}). */
    public static final String ACCESS_OFFICER = "ACCESS_OFFICER";
    /** Reads one municipality's figures (claim {@code municipality}). */
    public static final String MUNICIPALITY_ANALYST = "MUNICIPALITY_ANALYST";
    /** The regional procurement office (claim {@code region}). */
    public static final String PROCUREMENT_OFFICER = "PROCUREMENT_OFFICER";
    /** Reads the whole region's figures (claim {@code region}). */
    public static final String REGION_ANALYST = "REGION_ANALYST";
    /** A care provider's own software (claim {@code agb}). */
    public static final String PROVIDER = "PROVIDER";
    /** May issue an allocation beyond the budget, with a reason (claim {@code municipality}). */
    public static final String BUDGET_OVERRIDE = "BUDGET_OVERRIDE";

    public static final String MUNICIPALITY_CLAIM = "municipality";
    public static final String REGION_CLAIM = "region";
    public static final String AGB_CLAIM = "agb";

    private Roles() {
    }
}
