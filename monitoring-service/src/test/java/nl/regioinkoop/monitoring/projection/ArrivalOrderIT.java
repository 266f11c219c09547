package nl.regioinkoop.monitoring.projection;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.kit.consumer.EventHandling;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.monitoring.slice.ClientsAndSpend;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.micronaut.transaction.TransactionOperations;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A declaration can reach monitoring before the allocation it belongs to (they travel on different topics). Either
 * order must give the same read models: the spend lands under the allocation's segment, nothing stays UNKNOWN.
 */
@MicronautTest(transactional = false)
class ArrivalOrderIT extends RealInfrastructure {
    @Inject
    EventHandling events;
    @Inject
    EventJson json;
    @Inject
    AllocationProjection allocations;
    @Inject
    ReportProjection reports;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    ClientsAndSpend figures;

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Test
    void aDeclarationBeforeItsAllocationEndsUpUnderTheAllocationsSegment() {
        String provider = "33330001";
        UUID early = UUID.randomUUID();
        apply(reports, declaration(early, provider, 12_345));
        assertEquals(List.of("UNKNOWN=12345"), spendOf(provider), "the segment is not known yet");
        apply(allocations, issued(early, provider));
        apply(reports, declaration(early, provider, 100));

        String other = "33330002";
        UUID late = UUID.randomUUID();
        apply(allocations, issued(late, other));
        apply(reports, declaration(late, other, 12_345));
        apply(reports, declaration(late, other, 100));

        assertEquals(List.of("CRISIS=12445"), spendOf(provider));
        assertEquals(spendOf(provider), spendOf(other));
    }

    @Test
    void aRedeliveredDeclarationCountsOnce() {
        String provider = "33330003";
        UUID allocation = UUID.randomUUID();
        DeclarationAccepted once = declaration(allocation, provider, 500);
        apply(allocations, issued(allocation, provider));
        apply(reports, once);
        apply(reports, once);
        assertEquals(List.of("CRISIS=500"), spendOf(provider));
    }

    @Test
    void aClientKnownOnlyFromADeclarationCountsInTheMonthsDeclared() {
        String provider = "33330004";
        apply(reports, declaration(UUID.randomUUID(), provider, 700));
        Slice february = new Slice(null, null, null, provider, null, LocalDate.of(2033, 2, 1), LocalDate.of(2033, 2, 28));
        assertEquals(Map.of(List.of("UNKNOWN"), new ClientsAndSpend.Figure(1, 700)), figures.by(february, "segment"));
        Slice march = new Slice(null, null, null, provider, null, LocalDate.of(2033, 3, 1), LocalDate.of(2033, 3, 31));
        assertEquals(Map.of(), figures.by(march, "segment"));
    }

    @Test
    void aLineRefusedForAnUnknownAllocationLeavesNoAllocationBehind() {
        String provider = "33330005";
        UUID unknown = UUID.randomUUID();
        apply(reports, rejected(unknown, provider, "D02"));
        assertEquals(0L, count("select count(*) from allocation_fact where allocation_id = '" + unknown + "'"),
                "no phantom allocation");
        assertEquals(0L, count("select count(*) from allocation_fact where provider_agb = '" + provider + "'"));

        UUID real = UUID.randomUUID();
        apply(allocations, issued(real, provider));
        apply(reports, rejected(real, provider, "D09"));
        assertEquals(1L, count("select rejected_lines from allocation_fact where allocation_id = '" + real + "'"),
                "a line refused on a real allocation still counts against it");
        assertEquals(1L, count("select count(*) from allocation_fact where provider_agb = '" + provider + "'"));
    }

    private long count(String sql) {
        return transactions.executeRead(status -> db.query(sql, List.of(), rs -> rs.getLong(1))).get(0);
    }

    private static nl.regioinkoop.events.provider.DeclarationRejected rejected(UUID allocationId, String provider,
                                                                                String reason) {
        LocalDate month = LocalDate.of(2033, 2, 1);
        return new nl.regioinkoop.events.provider.DeclarationRejected(UUID.randomUUID(), Instant.now(),
                UUID.randomUUID(), allocationId, provider, reason.equals("D02") ? null : "1640", month,
                month.plusDays(27), 700, reason, "refused");
    }

    private void apply(Projection projection, DomainEvent event) {
        events.applyOnce(projection.group(), json.encode(event).getBytes(StandardCharsets.UTF_8), projection::apply);
    }

    private List<String> spendOf(String provider) {
        return transactions.executeRead(status -> db.query("select segment, sum(realised_cents) from spend_slice_month where provider_agb = ?"
                        + " group by segment having sum(realised_cents) <> 0 order by 1", List.of(provider),
                rs -> rs.getString(1) + "=" + rs.getLong(2)));
    }

    private static DeclarationAccepted declaration(UUID allocationId, String provider, long cents) {
        LocalDate month = LocalDate.of(2033, 2, 1);
        return new DeclarationAccepted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), allocationId, provider,
                "1640", "ps-order", "46", "46A01", month, month.plusDays(27), 1, "14", cents, cents);
    }

    private static AllocationIssued issued(UUID allocationId, String provider) {
        return new AllocationIssued(UUID.randomUUID(), Instant.now(), allocationId, null, "1640", "ps-order", provider,
                UUID.randomUUID(), "46", "46A01", "CRISIS", "C1", 1, "06", "CAPACITY", 1, "14", "6",
                LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31), 50_000, 50_000, "CRISIS", null);
    }
}
