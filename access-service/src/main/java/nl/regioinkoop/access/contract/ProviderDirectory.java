package nl.regioinkoop.access.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The region's providers as access knows them from events: name and areas (provider.providers.v1) and the figures
 * counted from their reports ({@link ProviderFigures}). The screens name providers and help a family choose with it.
 */
@Singleton
public class ProviderDirectory {
    private final JdbcOperations jdbc;

    ProviderDirectory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A provider as a family compares it. A figure is null when no report of its kind has arrived yet.
     *
     * @param areas the areas served; empty when the registry named none (a provider registered, never updated)
     */
    public record Entry(String agb, String name, boolean active, List<String> areas, int waitingReports,
                        @Nullable Double meanWaitingDays, int outcomeReports, @Nullable Double meanSatisfaction,
                        int stops, @Nullable Double dropoutPercent) {
    }

    /** The providers with these AGB codes that access knows; unknown ones are absent from the map. */
    @Transactional
    public Map<String, Entry> entries(Collection<String> agbs) {
        Map<String, Entry> entries = new HashMap<>();
        if (agbs.isEmpty()) {
            return entries;
        }
        jdbc.prepareStatement("""
                select p.agb_code, p.name, p.active, p.areas, coalesce(f.waiting_reports, 0), f.waiting_days_total,
                  coalesce(f.outcome_reports, 0), f.satisfaction_total, coalesce(f.stops, 0), f.dropouts
                from provider p left join provider_figure f on f.provider_agb = p.agb_code
                where p.agb_code = any(?)""", st -> {
            try {
                st.setArray(1, st.getConnection().createArrayOf("text", agbs.stream().distinct().toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Array areas = rs.getArray(4);
                        int waiting = rs.getInt(5);
                        int outcomes = rs.getInt(7);
                        int stops = rs.getInt(9);
                        String agb = rs.getString(1);
                        entries.put(agb, new Entry(agb, rs.getString(2), rs.getBoolean(3),
                                areas == null ? List.of() : Arrays.asList((String[]) areas.getArray()), waiting,
                                waiting == 0 ? null : rs.getLong(6) / (double) waiting, outcomes,
                                outcomes == 0 ? null : rs.getLong(8) / (double) outcomes, stops,
                                stops == 0 ? null : 100.0 * rs.getLong(10) / stops));
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return entries;
    }

    /** The names of these providers, by AGB code; an unknown provider is absent. */
    @Transactional
    public Map<String, String> names(Collection<String> agbs) {
        Map<String, String> names = new HashMap<>();
        entries(agbs).forEach((agb, e) -> names.put(agb, e.name()));
        return names;
    }
}
