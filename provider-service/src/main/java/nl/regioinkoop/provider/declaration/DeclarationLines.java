package nl.regioinkoop.provider.declaration;

import jakarta.inject.Singleton;
import nl.regioinkoop.provider.support.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Every declaration line received, accepted or rejected. */
@Singleton
class DeclarationLines {
    private final Sql sql;

    DeclarationLines(Sql sql) {
        this.sql = sql;
    }

    record Row(UUID id, UUID submissionId, String providerAgb, DeclarationRequests.Line line, String status,
               String reasonCode, String reason, Instant receivedAt) {
    }

    record AcceptedPeriod(UUID allocationId, LocalDate start, LocalDate end) {
    }

    List<AcceptedPeriod> acceptedPeriods(Collection<UUID> allocationIds) {
        if (allocationIds.isEmpty()) {
            return List.of();
        }
        return sql.list("""
                select allocation_id, period_start, period_end from declaration_line
                where allocation_id = any(?) and status = 'ACCEPTED'""",
                rs -> new AcceptedPeriod(rs.getObject(1, UUID.class), Sql.date(rs, "period_start"),
                        Sql.date(rs, "period_end")), (Object) allocationIds.toArray(UUID[]::new));
    }

    void insertAll(List<Row> rows) {
        sql.batch("""
                insert into declaration_line (id, submission_id, provider_agb, allocation_id, line_ref, period_start,
                  period_end, product_code, volume, unit, tariff_cents, amount_cents, status, reason_code, reason,
                  received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, (st, row) -> {
            DeclarationRequests.Line line = row.line();
            st.setObject(1, row.id());
            st.setObject(2, row.submissionId());
            st.setString(3, row.providerAgb());
            st.setObject(4, line.allocationId());
            st.setString(5, line.lineRef());
            Sql.setDate(st, 6, line.periodStart());
            Sql.setDate(st, 7, line.periodEnd());
            st.setString(8, line.productCode());
            st.setLong(9, line.volume());
            st.setString(10, line.unit());
            st.setLong(11, line.tariffCents());
            st.setLong(12, line.amountCents());
            st.setString(13, row.status());
            st.setString(14, row.reasonCode());
            st.setString(15, row.reason());
            st.setTimestamp(16, Timestamp.from(row.receivedAt()));
        });
    }

    /** The provider's own lines, newest first, optionally of one allocation or status. */
    List<DeclarationView> page(String providerAgb, UUID allocationId, String status, long offset, int size) {
        return sql.list("""
                select * from declaration_line where provider_agb = ?
                  and (?::uuid is null or allocation_id = ?::uuid) and (?::text is null or status = ?::text)
                order by received_at desc, id limit ? offset ?""", DeclarationLines::view,
                providerAgb, allocationId, allocationId, status, status, size, offset);
    }

    long count(String providerAgb, UUID allocationId, String status) {
        return sql.one("""
                select count(*) from declaration_line where provider_agb = ?
                  and (?::uuid is null or allocation_id = ?::uuid) and (?::text is null or status = ?::text)""",
                rs -> rs.getLong(1), providerAgb, allocationId, allocationId, status, status).orElse(0L);
    }

    private static DeclarationView view(ResultSet rs) throws SQLException {
        return new DeclarationView(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
                rs.getObject("allocation_id", UUID.class), rs.getString("line_ref"), Sql.date(rs, "period_start"),
                Sql.date(rs, "period_end"), rs.getString("product_code"), rs.getLong("volume"), rs.getString("unit"),
                rs.getLong("tariff_cents"), rs.getLong("amount_cents"), rs.getString("status"),
                rs.getString("reason_code"), rs.getString("reason"), rs.getTimestamp("received_at").toInstant());
    }
}
