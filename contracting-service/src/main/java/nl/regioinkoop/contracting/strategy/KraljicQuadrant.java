package nl.regioinkoop.contracting.strategy;

/** Where a segment sits by supply risk and financial impact; the quadrant suggests the procurement logic. */
public enum KraljicQuadrant {
    /** Low risk, low impact: standardise, fewer suppliers. */
    ROUTINE,
    /** Low risk, high impact: competition, lower tariffs. */
    LEVERAGE,
    /** High risk, low impact: secure supply. */
    BOTTLENECK,
    /** High risk, high impact: partnership. */
    STRATEGIC;

    public static KraljicQuadrant of(Strategy.Level supplyRisk, Strategy.Level financialImpact) {
        boolean risky = supplyRisk == Strategy.Level.HIGH;
        boolean costly = financialImpact == Strategy.Level.HIGH;
        if (risky) {
            return costly ? STRATEGIC : BOTTLENECK;
        }
        return costly ? LEVERAGE : ROUTINE;
    }
}
