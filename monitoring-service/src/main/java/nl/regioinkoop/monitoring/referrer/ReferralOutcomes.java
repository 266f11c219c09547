package nl.regioinkoop.monitoring.referrer;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.slice.Percent;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of referrals per referrer type: how many were triaged, how many led to specialist care rather than a
 * solution in ordinary life or a general provision, how long triage took, and how providers' requests for allocation
 * were answered. Referrals count in the period of their referral date.
 */
@Singleton
class ReferralOutcomes {
    private final Db db;

    ReferralOutcomes(Db db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    List<Row> of(Slice slice) {
        List<Object> params = new ArrayList<>();
        params.add(slice.from());
        params.add(slice.to());
        StringBuilder sql = new StringBuilder("""
                select coalesce(r.referrer_type, 'UNKNOWN'), count(*),
                  count(r.triage_outcome),
                  count(*) filter (where r.triage_outcome = 'SPECIALIST_CARE'),
                  count(*) filter (where r.triage_outcome = 'NORMALISED'),
                  count(*) filter (where r.triage_outcome = 'GENERAL_PROVISION'),
                  coalesce(sum(r.triaged_on - r.referral_date) filter (where r.triaged_on is not null), 0),
                  count(*) filter (where r.triaged_on is not null),
                  count(*) filter (where r.requesting_provider_agb is not null),
                  count(*) filter (where r.requesting_provider_agb is not null and r.answer = 'ALLOCATED'),
                  count(*) filter (where r.requesting_provider_agb is not null and r.answer = 'REJECTED')
                from referral_fact r where r.referral_date between ? and ?""");
        condition(sql, params, "r.municipality_code", slice.municipality());
        condition(sql, params, "r.segment", slice.segment());
        condition(sql, params, "r.profile", slice.profile());
        condition(sql, params, "r.requesting_provider_agb", slice.provider());
        condition(sql, params, "r.referrer_type", slice.referrerType());
        sql.append(" group by 1 order by 1");
        return db.query(sql.toString(), params, rs -> new Row(rs.getString(1),
                ReferrerGrip.NAMES.getOrDefault(rs.getString(1), rs.getString(1)), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), Percent.rate(rs.getLong(4), rs.getLong(3)),
                Percent.mean(rs.getLong(7), rs.getLong(8), 1), rs.getLong(9), rs.getLong(10), rs.getLong(11)));
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    @Serdeable
    record Row(String referrerType, String referrerName, long referrals, long triaged, long specialistCare,
               long normalised, long generalProvision, BigDecimal specialistCareShare, BigDecimal meanDaysToTriage,
               long requestsForAllocation, long requestsAllocated, long requestsRejected) {
    }
}
