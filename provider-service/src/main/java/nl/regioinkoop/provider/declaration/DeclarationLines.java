package nl.regioinkoop.provider.declaration;

import jakarta.inject.Singleton;
import nl.regioinkoop.provider.support.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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

    /** With one COPY: a bulk submission holds tens of thousands of lines. */
    void insertAll(List<Row> rows) {
        sql.copy("""
                copy declaration_line (id, submission_id, provider_agb, allocation_id, line_ref, period_start, period_end,
                  product_code, volume, unit, tariff_cents, amount_cents, status, reason_code, reason, received_at)
                from stdin""", rows, (copy, row) -> {
            DeclarationRequests.Line line = row.line();
            copy.uuid(row.id()).uuid(row.submissionId()).text(row.providerAgb()).uuid(line.allocationId())
                    .text(line.lineRef()).date(line.periodStart()).date(line.periodEnd()).text(line.productCode())
                    .number(line.volume()).text(line.unit()).number(line.tariffCents()).number(line.amountCents())
                    .text(row.status()).text(row.reasonCode()).text(row.reason()).instant(row.receivedAt());
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
