package nl.regioinkoop.monitoring.dashboard;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

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
        // one scan of the allocations for all four filters (the combinations are few), not one scan per filter
        SortedSet<String> municipalities = new TreeSet<>();
        SortedSet<String> segments = new TreeSet<>();
        SortedSet<String> profiles = new TreeSet<>();
        SortedSet<String> agbs = new TreeSet<>();
        db.query("select municipality_code, segment, profile, provider_agb from allocation_fact" + where
                + " group by 1, 2, 3, 4", params, rs -> {
            addIfPresent(municipalities, rs.getString(1));
            addIfPresent(segments, rs.getString(2));
            addIfPresent(profiles, rs.getString(3));
            addIfPresent(agbs, rs.getString(4));
            return null;
        });
        municipalities.addAll(strings("select distinct municipality_code from budget_line_view" + where, params));
        List<Provider> providers = db.query("select a.agb, coalesce(max(p.name), a.agb) from unnest(?) as a(agb)"
                        + " left join provider_view p on p.agb_code = a.agb group by a.agb order by 2, 1",
                List.of((Object) agbs.toArray(String[]::new)), rs -> new Provider(rs.getString(1), rs.getString(2)));
        List<Integer> years = db.query("select distinct year from budget_line_view" + where + " order by 1", params,
                rs -> rs.getInt(1));
        return new Values(List.copyOf(municipalities), List.copyOf(segments), List.copyOf(profiles), providers,
                Slice.REFERRER_TYPES.stream().sorted().toList(), years);
    }

    private static void addIfPresent(SortedSet<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
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
