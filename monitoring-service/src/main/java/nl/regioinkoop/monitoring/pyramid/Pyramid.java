package nl.regioinkoop.monitoring.pyramid;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.slice.ClientsAndSpend;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Percent;
import nl.regioinkoop.monitoring.slice.Slice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Clients and spend per segment. Shares are of the sum over segments (a client counts once per segment). */
@Singleton
class Pyramid {
    private final ClientsAndSpend figures;

    Pyramid(ClientsAndSpend figures) {
        this.figures = figures;
    }

    View of(Slice slice) {
        return view(slice, figures.withDistinctTotal(slice, "segment"));
    }

    /** A municipality's pyramid with the region's beside it, from one scan of the region's allocations. */
    View besideRegion(Slice slice) {
        ClientsAndSpend.Figures[] both = figures.withDistinctTotalBesideRegion(slice, "segment");
        return view(slice, both[0]).withRegion(view(slice.withMunicipality(null), both[1]));
    }

    private static View view(Slice slice, ClientsAndSpend.Figures withTotal) {
        Map<List<String>, ClientsAndSpend.Figure> bySegment = withTotal.byKey();
        long clients = bySegment.values().stream().mapToLong(ClientsAndSpend.Figure::clients).sum();
        long spend = bySegment.values().stream().mapToLong(ClientsAndSpend.Figure::spendCents).sum();
        List<Level> levels = new ArrayList<>();
        bySegment.forEach((key, f) -> levels.add(new Level(key.get(0), f.clients(), Percent.share(f.clients(), clients),
                f.spendCents(), Money.euros(f.spendCents()), Percent.share(f.spendCents(), spend),
                Money.perUnit(f.spendCents(), f.clients()))));
        // the top of the pyramid: few clients, much money per client
        levels.sort(Comparator.comparingLong(Level::spendPerClientCents).thenComparing(Level::segment));
        return new View(slice, levels, withTotal.distinctClients(), spend, Money.euros(spend), null);
    }

    @Serdeable
    record Level(String segment, long clients, BigDecimal clientShare, long spendCents, String spend,
                 BigDecimal spendShare, long spendPerClientCents) {
    }

    /** {@code region}: the same figure for the whole region, beside a municipality's own. */
    @Serdeable
    record View(Slice slice, List<Level> segments, long distinctClients, long spendCents, String spend, View region) {
        View withRegion(View regionView) {
            return new View(slice, segments, distinctClients, spendCents, spend, regionView);
        }
    }
}
