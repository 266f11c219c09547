package nl.regioinkoop.monitoring.signal;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.budget.Budgets;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Percent;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What deserves a conversation, computed from the read models on request:
 * <ul>
 *   <li>UPCODING: a provider's mean intensity in a segment (in the slice) lies more than the threshold above the
 *       region's mean for that segment (all municipalities, all providers), with at least a minimum of allocations;</li>
 *   <li>CEILING: a contract's production this year (accepted declarations) exceeds the threshold share of its annual
 *       ceiling before 1 July, or the whole ceiling at any time;</li>
 *   <li>BUDGET_OVERRUN: a budget line whose forecast of year-end spend, as of today by the chosen method
 *       ({@link nl.regioinkoop.monitoring.forecast.Forecasts}), exceeds its amount;</li>
 *   <li>OVERDUE_REQUEST: a provider's request for allocation without an answer after its deadline.</li>
 * </ul>
 */
@Singleton
class Signals {
    private final Db db;
    private final Budgets budgets;
    private final BigDecimal upcodingThreshold;
    private final int upcodingMinAllocations;
    private final int ceilingThresholdPercent;

    Signals(Db db, Budgets budgets,
            @Value("${monitoring.signals.upcoding-intensity-threshold:0.5}") BigDecimal upcodingThreshold,
            @Value("${monitoring.signals.upcoding-min-allocations:5}") int upcodingMinAllocations,
            @Value("${monitoring.signals.ceiling-threshold-percent:80}") int ceilingThresholdPercent) {
        this.db = db;
        this.budgets = budgets;
        this.upcodingThreshold = upcodingThreshold;
        this.upcodingMinAllocations = upcodingMinAllocations;
        this.ceilingThresholdPercent = ceilingThresholdPercent;
    }

    Thresholds thresholds() {
        return new Thresholds(upcodingThreshold, upcodingMinAllocations, ceilingThresholdPercent);
    }

    @Transactional(readOnly = true)
    List<Signal> of(Slice slice, LocalDate today) {
        List<Signal> signals = new ArrayList<>();
        signals.addAll(upcoding(slice));
        signals.addAll(ceilings(slice, today));
        signals.addAll(overruns(slice, today));
        signals.addAll(overdue(slice, today));
        Map<String, String> names = new HashMap<>();
        db.query("select agb_code, max(name) from provider_view group by agb_code", List.of(),
                rs -> names.put(rs.getString(1), rs.getString(2)));
        return signals.stream().map(s -> s.provider() == null ? s : s.named(names.get(s.provider()))).toList();
    }

    /**
     * One scan of the region baseline: grouping set (segment) gives the region's mean per segment, grouping set
     * (segment, provider) filtered to the slice gives each provider's mean; region rows come first.
     */
    private List<Signal> upcoding(Slice slice) {
        List<Object> params = new ArrayList<>();
        String inSlice = slice.beyondRegionBaseline(params);
        // the same condition twice more: sum, count and count(*) of the slice each carry it
        String sliceSums = "sum(a.intensity) filter (where " + inSlice + "), count(a.intensity) filter (where "
                + slice.beyondRegionBaseline(params) + "), count(*) filter (where "
                + slice.beyondRegionBaseline(params) + ")";
        Slice baseline = slice.regionBaseline();
        String sql = "select grouping(a.provider_agb), a.segment, a.provider_agb, sum(a.intensity), count(a.intensity), "
                + sliceSums + " from allocation_fact a where a.segment is not null"
                + baseline.allocationFilter(params) + baseline.inPeriod(params)
                + " group by grouping sets ((a.segment), (a.segment, a.provider_agb))"
                + " order by 1 desc, a.provider_agb, a.segment";
        Map<String, long[]> region = new HashMap<>();
        List<Signal> signals = new ArrayList<>();
        db.query(sql, params, rs -> {
            String segment = rs.getString(2);
            if (rs.getInt(1) == 1) {
                region.put(segment, new long[]{rs.getLong(4), rs.getLong(5)});
                return null;
            }
            String provider = rs.getString(3);
            long[] r = region.get(segment);
            long n = rs.getLong(7);
            if (provider == null || rs.getLong(8) == 0 || r == null || r[1] == 0 || n < upcodingMinAllocations) {
                return null;
            }
            BigDecimal mean = Percent.mean(rs.getLong(6), n, 2);
            BigDecimal regionMean = Percent.mean(r[0], r[1], 2);
            BigDecimal above = mean.subtract(regionMean);
            if (above.compareTo(upcodingThreshold) > 0) {
                signals.add(new Signal("UPCODING", "WARNING", slice.municipality(), provider, segment,
                        null, "Mean intensity " + mean + " over " + n + " allocations is " + above
                        + " above the region's " + regionMean + " in segment " + segment,
                        mean, regionMean.add(upcodingThreshold)));
            }
            return null;
        });
        return signals;
    }

    private List<Signal> ceilings(Slice slice, LocalDate today) {
        LocalDate yearStart = today.withDayOfYear(1);
        boolean beforeMidYear = today.isBefore(LocalDate.of(today.getYear(), 7, 1));
        // the contracts that can signal; production is summed for their allocations only, in one join
        StringBuilder contracts = new StringBuilder(
                " where c.annual_ceiling_cents > 0 and c.status <> 'ENDED'");
        List<Object> contractParams = new ArrayList<>();
        if (slice.provider() != null) {
            contracts.append(" and c.provider_agb = ?");
            contractParams.add(slice.provider());
        }
        if (slice.segment() != null) {
            contracts.append(" and c.segment = ?");
            contractParams.add(slice.segment());
        }
        List<Object> params = new ArrayList<>();
        params.add(yearStart);
        params.add(today.withMonth(12).withDayOfMonth(31));
        params.addAll(contractParams);
        params.addAll(contractParams);
        StringBuilder sql = new StringBuilder("""
                select c.contract_id, c.provider_agb, c.segment, c.annual_ceiling_cents, coalesce(p.production, 0)
                from contract_view c
                left join (select a.contract_id, sum(s.realised_cents) as production
                           from spend_month s join allocation_fact a on a.allocation_id = s.allocation_id
                           where s.month between ? and ?
                             and a.contract_id in (select c.contract_id from contract_view c""")
                .append(contracts).append(")\n group by a.contract_id) p on p.contract_id = c.contract_id")
                .append(contracts);
        // a defined order (heap order before): by provider, then segment
        sql.append(" order by c.provider_agb, c.segment, c.contract_id");
        List<Signal> signals = new ArrayList<>();
        db.query(sql.toString(), params, rs -> {
            long ceiling = rs.getLong(4);
            long production = rs.getLong(5);
            BigDecimal utilisation = Percent.share(production, ceiling);
            boolean over = production > ceiling;
            boolean early = beforeMidYear
                    && utilisation.compareTo(BigDecimal.valueOf(ceilingThresholdPercent)) > 0;
            if (over || early) {
                signals.add(new Signal("CEILING", over ? "CRITICAL" : "WARNING", null, rs.getString(2),
                        rs.getString(3), rs.getString(1),
                        "Production " + Money.euros(production) + " is " + utilisation + " % of the annual ceiling "
                                + Money.euros(ceiling) + (over ? "" : " before mid-year"),
                        utilisation, over ? BigDecimal.valueOf(100) : BigDecimal.valueOf(ceilingThresholdPercent)));
            }
            return null;
        });
        return signals;
    }

    private List<Signal> overruns(Slice slice, LocalDate today) {
        List<Signal> signals = new ArrayList<>();
        for (Budgets.Line line : budgets.lines(slice, today)) {
            if (line.forecastToOverrun()) {
                signals.add(new Signal("BUDGET_OVERRUN", "WARNING", line.municipality(), null, line.budgetLine(),
                        null, "Forecast " + line.forecast() + " (" + line.method() + ", "
                        + line.forecastBand() + ") exceeds the budget " + line.amount() + " by "
                        + Money.euros(line.overrunCents()) + " (" + line.year() + ")",
                        line.forecastShare(), BigDecimal.valueOf(100).setScale(1, RoundingMode.UNNECESSARY)));
            }
        }
        return signals;
    }

    private List<Signal> overdue(Slice slice, LocalDate today) {
        List<Object> params = new ArrayList<>();
        params.add(slice.from());
        params.add(slice.to());
        params.add(today);
        StringBuilder sql = new StringBuilder("""
                select r.referral_id, r.municipality_code, r.requesting_provider_agb, r.answer_deadline, r.segment
                from referral_fact r
                where r.requesting_provider_agb is not null and r.answer is null
                  and r.answer_deadline between ? and ? and r.answer_deadline < ?""");
        if (slice.municipality() != null) {
            sql.append(" and r.municipality_code = ?");
            params.add(slice.municipality());
        }
        if (slice.provider() != null) {
            sql.append(" and r.requesting_provider_agb = ?");
            params.add(slice.provider());
        }
        if (slice.referrerType() != null) {
            sql.append(" and r.referrer_type = ?");
            params.add(slice.referrerType());
        }
        sql.append(" order by r.answer_deadline, r.referral_id");
        return db.query(sql.toString(), params, rs -> {
            LocalDate deadline = rs.getDate(4).toLocalDate();
            long days = ChronoUnit.DAYS.between(deadline, today);
            return new Signal("OVERDUE_REQUEST", days > 5 ? "CRITICAL" : "WARNING", rs.getString(2), rs.getString(3),
                    rs.getString(5), rs.getString(1),
                    "Request for allocation unanswered " + days + " day(s) after its deadline " + deadline,
                    BigDecimal.valueOf(days), BigDecimal.ZERO);
        });
    }

    /** subject: the contract id or referral id the signal is about, where there is one. */
    @Serdeable
    record Signal(String kind, String severity, String municipality, String provider, String segment,
                  String subject, String detail, BigDecimal value, BigDecimal threshold, String providerName) {
        Signal(String kind, String severity, String municipality, String provider, String segment, String subject,
               String detail, BigDecimal value, BigDecimal threshold) {
            this(kind, severity, municipality, provider, segment, subject, detail, value, threshold, null);
        }

        Signal named(String name) {
            return new Signal(kind, severity, municipality, provider, segment, subject, detail, value, threshold, name);
        }
    }

    @Serdeable
    record Thresholds(BigDecimal upcodingIntensityAboveRegion, int upcodingMinAllocations,
                      int ceilingUtilisationPercentBeforeMidYear) {
    }
}
