package nl.regioinkoop.monitoring.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MapeTest {
    @Test
    void meanOfAbsolutePercentageErrorsLeavesOutLinesWithoutSpend() {
        // 10 % over, 10 % under, 25 % under; a line that spent nothing has no percentage error
        assertEquals("15.0", Mape.percent(List.of(new Mape.Pair(110, 100), new Mape.Pair(90, 100),
                new Mape.Pair(150, 200), new Mape.Pair(5, 0))).toPlainString());
        // one third of a percent, rounded half up to one decimal
        assertEquals("0.3", Mape.percent(List.of(new Mape.Pair(301, 300))).toPlainString());
        assertNull(Mape.percent(List.of(new Mape.Pair(7, 0))));
    }
}
