package nl.regioinkoop.monitoring.dashboard;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;

import java.util.ArrayList;
import java.util.List;

/** The values the dashboard's filters offer, within what the caller may see. */
@Singleton
class Dimensions {
    private final Db db;

    Dimensions(Db db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    Values of(String municipality) {
        List<Object> params = new ArrayList<>();
        String where = " where true";
        if (municipality != null) {
            where += " and municipality_code = ?";
            params.add(municipality);
        }
        List<String> municipalities = strings("select distinct municipality_code from (select municipality_code from"
                + " allocation_fact union select municipality_code from budget_line_view) m" + where
                + " and municipality_code is not null order by 1", params);
        List<String> segments = strings("select distinct segment from allocation_fact" + where
                + " and segment is not null order by 1", params);
        List<String> profiles = strings("select distinct profile from allocation_fact" + where
                + " and profile is not null order by 1", params);
        List<Provider> providers = db.query("select a.agb, coalesce(max(p.name), a.agb) from (select distinct"
                + " provider_agb as agb from allocation_fact" + where + " and provider_agb is not null) a"
                + " left join provider_view p on p.agb_code = a.agb group by a.agb order by 2", params,
                rs -> new Provider(rs.getString(1), rs.getString(2)));
        List<Integer> years = db.query("select distinct year from budget_line_view" + where + " order by 1", params,
                rs -> rs.getInt(1));
        return new Values(municipalities, segments, profiles, providers, Slice.REFERRER_TYPES.stream().sorted()
                .toList(), years);
    }

    private List<String> strings(String sql, List<Object> params) {
        return db.query(sql, params, rs -> rs.getString(1));
    }

    @Serdeable
    record Provider(String agbCode, String name) {
    }

    @Serdeable
    record Values(List<String> municipalities, List<String> segments, List<String> profiles,
                  List<Provider> providers, List<String> referrerTypes, List<Integer> years) {
    }
}
