package nl.regioinkoop.monitoring.scorecard;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.slice.ClientsAndSpend;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Percent;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider's performance in a slice. Duration: days from start of care (or validity) to its stop (or the
 * allocation's end), over allocations that ended. Dropout: stops with JZ588 reason 32 or 33 among all stops.
 * Goal realisation: outcomes with goal YES among all outcomes (PARTLY shown apart). Waiting time: mean reported days.
 */
@Singleton
class Scorecards {
    private final Db db;
    private final ClientsAndSpend figures;

    Scorecards(Db db, ClientsAndSpend figures) {
        this.db = db;
        this.figures = figures;
    }

    @Transactional(readOnly = true)
    List<Card> of(Slice slice) {
        // clients come from the same scan as the other allocation statistics; spend from the summary
        figures.roomForDistinctCounts();
        List<Object> params = new ArrayList<>();
        String sql = """
                select coalesce(a.provider_agb, 'UNKNOWN'),
                  coalesce(sum(coalesce(a.care_stop, a.end_date) - coalesce(a.care_start, a.valid_from))
                    filter (where coalesce(a.care_stop, a.end_date) is not null
                              and coalesce(a.care_start, a.valid_from) is not null), 0),
                  count(*) filter (where coalesce(a.care_stop, a.end_date) is not null
                              and coalesce(a.care_start, a.valid_from) is not null),
                  count(*) filter (where coalesce(a.stop_reason, a.end_reason) in ('32', '33')),
                  count(*) filter (where coalesce(a.stop_reason, a.end_reason) is not null),
                  count(*) filter (where a.goal_realised = 'YES'),
                  count(*) filter (where a.goal_realised = 'PARTLY'),
                  count(a.goal_realised),
                  coalesce(sum(a.satisfaction), 0), count(a.satisfaction),
                  coalesce(sum(a.waiting_days), 0), count(a.waiting_days),
                  count(*),
                """ + ClientsAndSpend.DISTINCT_CLIENTS + " from allocation_fact a where true" + slice.allocationFilter(params) + slice.inPeriod(params)
                + " group by 1";
        Map<String, long[]> stats = new HashMap<>();
        Map<List<String>, long[]> byProvider = new LinkedHashMap<>();
        db.query(sql, params, rs -> {
            long[] v = new long[12];
            for (int i = 0; i < 12; i++) {
                v[i] = rs.getLong(i + 2);
            }
            stats.put(rs.getString(1), v);
            byProvider.computeIfAbsent(List.of(rs.getString(1)), k -> new long[2])[0] = rs.getLong(14);
            return null;
        });
        figures.spendBy(slice, "provider_agb")
                .forEach((key, spend) -> byProvider.computeIfAbsent(key, k -> new long[2])[1] = spend);
        Map<String, String> names = new HashMap<>();
        db.query("select agb_code, max(name) from provider_view group by agb_code", List.of(),
                rs -> names.put(rs.getString(1), rs.getString(2)));
        List<Card> cards = new ArrayList<>();
        byProvider.forEach((key, clientsAndSpend) -> {
            ClientsAndSpend.Figure f = new ClientsAndSpend.Figure(clientsAndSpend[0], clientsAndSpend[1]);
            String agb = key.get(0);
            long[] s = stats.getOrDefault(agb, new long[12]);
            cards.add(new Card(agb, names.getOrDefault(agb, agb), f.clients(), s[11], f.spendCents(),
                    Money.euros(f.spendCents()), Money.perUnit(f.spendCents(), f.clients()),
                    Money.euros(Money.perUnit(f.spendCents(), f.clients())), Percent.mean(s[0], s[1], 1), s[1],
                    Percent.rate(s[2], s[3]), s[2], s[3], Percent.rate(s[4], s[6]), Percent.rate(s[5], s[6]), s[6],
                    Percent.mean(s[7], s[8], 1), s[8], Percent.mean(s[9], s[10], 1), s[10]));
        });
        cards.sort(Comparator.comparingLong(Card::spendCents).reversed().thenComparing(Card::agbCode));
        return cards;
    }

    @Serdeable
    record Card(String agbCode, String name, long clients, long allocations, long spendCents, String spend,
                long costPerClientCents, String costPerClient, BigDecimal averageDurationDays, long endedAllocations,
                BigDecimal dropoutRate, long dropouts, long stops, BigDecimal goalRealisedRate,
                BigDecimal goalPartlyRealisedRate, long outcomes, BigDecimal meanSatisfaction, long satisfactionScores,
                BigDecimal meanWaitingDays, long waitingTimeReports) {
    }
}
