package nl.regioinkoop.contracting.strategy;

import org.junit.jupiter.api.Test;

import static nl.regioinkoop.contracting.strategy.Strategy.Level.HIGH;
import static nl.regioinkoop.contracting.strategy.Strategy.Level.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KraljicQuadrantTest {
    @Test
    void placesASegmentBySupplyRiskAndFinancialImpact() {
        assertEquals(KraljicQuadrant.ROUTINE, KraljicQuadrant.of(LOW, LOW));
        assertEquals(KraljicQuadrant.LEVERAGE, KraljicQuadrant.of(LOW, HIGH));
        assertEquals(KraljicQuadrant.BOTTLENECK, KraljicQuadrant.of(HIGH, LOW));
        assertEquals(KraljicQuadrant.STRATEGIC, KraljicQuadrant.of(HIGH, HIGH));
    }
}
