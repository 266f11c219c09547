package nl.regioinkoop.monitoring.referrer;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.slice.ClientsAndSpend;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Percent;
import nl.regioinkoop.monitoring.slice.Slice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of each segment the municipality itself decides on: clients and spend per referrer type (COD327) per
 * segment, with shares within the segment.
 */
@Singleton
class ReferrerGrip {
    static final Map<String, String> NAMES = Map.of("01", "Gemeente", "02", "Huisarts", "03", "Jeugdarts",
            "04", "Gecertificeerde instelling", "05", "Medisch specialist", "06", "Zelfverwijzer / geen",
            "08", "Rechter, OM of justitiële inrichting");

    private final ClientsAndSpend figures;

    ReferrerGrip(ClientsAndSpend figures) {
        this.figures = figures;
    }

    List<Row> of(Slice slice) {
        Map<List<String>, ClientsAndSpend.Figure> cells = figures.by(slice, "segment", "referrer_type");
        Map<String, long[]> segmentTotals = new HashMap<>();
        cells.forEach((key, f) -> {
            long[] t = segmentTotals.computeIfAbsent(key.get(0), k -> new long[2]);
            t[0] += f.clients();
            t[1] += f.spendCents();
        });
        List<Row> rows = new ArrayList<>();
        cells.forEach((key, f) -> {
            long[] t = segmentTotals.get(key.get(0));
            rows.add(new Row(key.get(0), key.get(1), NAMES.getOrDefault(key.get(1), key.get(1)), f.clients(),
                    Percent.share(f.clients(), t[0]), f.spendCents(), Money.euros(f.spendCents()),
                    Percent.share(f.spendCents(), t[1])));
        });
        rows.sort(Comparator.comparing(Row::segment).thenComparing(Row::referrerType));
        return rows;
    }

    @Serdeable
    record Row(String segment, String referrerType, String referrerName, long clients, BigDecimal clientShare,
               long spendCents, String spend, BigDecimal spendShare) {
    }
}
