package nl.regioinkoop.monitoring.dashboard;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** How many providers the region has of each kind. */
@Singleton
class ProviderCounts {
    private final JdbcOperations jdbc;

    ProviderCounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<KindCount> byKind() {
        return jdbc.prepareStatement("select kind, count(*) from provider_view group by kind order by kind", st -> {
            try (ResultSet rs = st.executeQuery()) {
                List<KindCount> counts = new ArrayList<>();
                while (rs.next()) {
                    counts.add(new KindCount(rs.getString(1), rs.getLong(2)));
                }
                return counts;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Serdeable
    record KindCount(String kind, long providers) {
    }
}
