package nl.regioinkoop.monitoring.market;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.slice.ClientsAndSpend;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Percent;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Concentration of spend among providers: the share of the 3 and 10 largest, and the Herfindahl-Hirschman index
 * (sum of squared percentage shares, 0-10,000; above 2,500 counts as highly concentrated). Providers per area
 * counts the providers with clients in the slice, by the areas they registered.
 */
@Singleton
class Market {
    private final ClientsAndSpend figures;
    private final Db db;

    Market(ClientsAndSpend figures, Db db) {
        this.figures = figures;
        this.db = db;
    }

    @Transactional(readOnly = true)
    View of(Slice slice) {
        Map<List<String>, ClientsAndSpend.Figure> byProvider = figures.by(slice, "provider_agb");
        Map<String, String> names = new HashMap<>();
        db.query("select agb_code, max(name) from provider_view group by agb_code", List.of(),
                rs -> names.put(rs.getString(1), rs.getString(2)));
        long total = byProvider.values().stream().mapToLong(ClientsAndSpend.Figure::spendCents).sum();
        List<Share> shares = new ArrayList<>();
        byProvider.forEach((key, f) -> shares.add(new Share(key.get(0), names.getOrDefault(key.get(0), key.get(0)),
                f.clients(), f.spendCents(), Money.euros(f.spendCents()), Percent.share(f.spendCents(), total))));
        shares.sort(Comparator.comparingLong(Share::spendCents).reversed().thenComparing(Share::agbCode));
        long top3 = shares.stream().limit(3).mapToLong(Share::spendCents).sum();
        long top10 = shares.stream().limit(10).mapToLong(Share::spendCents).sum();
        String[] agbs = shares.stream().map(Share::agbCode).toArray(String[]::new);
        List<Area> areas = db.query("""
                select area, count(distinct p.agb_code) from provider_view p cross join unnest(p.areas) as area
                where p.agb_code = any (?) group by area order by area""", List.of((Object) agbs),
                rs -> new Area(rs.getString(1), rs.getLong(2)));
        return new View(slice, shares.size(), total, Money.euros(total), Percent.share(top3, total),
                Percent.share(top10, total), hhi(shares, total), areas, shares);
    }

    static BigDecimal hhi(List<Share> shares, long total) {
        if (total == 0) {
            return BigDecimal.ZERO;
        }
        // exact: sum(s_i^2) * 10,000 / total^2, in integers so that rounding happens once
        BigInteger squares = BigInteger.ZERO;
        for (Share s : shares) {
            squares = squares.add(BigInteger.valueOf(s.spendCents()).pow(2));
        }
        return new BigDecimal(squares.multiply(BigInteger.valueOf(10_000)))
                .divide(new BigDecimal(BigInteger.valueOf(total).pow(2)), 0, RoundingMode.HALF_UP);
    }

    @Serdeable
    record Share(String agbCode, String name, long clients, long spendCents, String spend, BigDecimal spendShare) {
    }

    @Serdeable
    record Area(String area, long providers) {
    }

    @Serdeable
    record View(Slice slice, int providers, long spendCents, String spend, BigDecimal top3Share,
                BigDecimal top10Share, BigDecimal hhi, List<Area> providersPerArea, List<Share> shares) {
    }
}
