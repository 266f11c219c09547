package nl.regioinkoop.monitoring.projection;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.access.AllocationChanged;
import nl.regioinkoop.events.access.AllocationEnded;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.events.access.AllocationRequestRejected;
import nl.regioinkoop.events.access.ReferralRegistered;
import nl.regioinkoop.events.access.ReferralTriaged;
import nl.regioinkoop.events.provider.CareStarted;
import nl.regioinkoop.events.provider.CareStopped;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.events.provider.DeclarationRejected;
import nl.regioinkoop.events.provider.OutcomeReported;
import nl.regioinkoop.events.provider.WaitingTimeReported;
import nl.regioinkoop.kit.consumer.EventHandling;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.monitoring.sql.Db;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The set-based batch path ({@link ProjectionBatches}, {@link DeclarationRun}) must give exactly the read models that
 * applying the same events one by one, in the same order, gives: the same stream of mixed topics and types is
 * applied both ways (its rows removed in between) and every row it touched is compared, column by column. The stream
 * has declarations before their allocation's AllocationIssued, dimension changes between declaration runs,
 * pseudonyms that are missing, differ or look like a BSN, redelivered events and duplicates within one batch.
 */
@MicronautTest(transactional = false)
class BatchEquivalenceIT extends RealInfrastructure {
    private static final String[] MUNICIPALITIES = {"1640", "0988", "0946"};
    private static final String[] SEGMENTS = {"CRISIS", "SPECIALIST", "BASIC"};

    @Inject
    EventHandling events;
    @Inject
    ProjectionBatches batches;
    @Inject
    EventJson json;
    @Inject
    AllocationProjection allocations;
    @Inject
    ReportProjection reports;
    @Inject
    ReferralProjection referrals;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> transactions;

    private final Random random = new Random(20261122);
    private final List<UUID> allocationIds = new ArrayList<>();
    private final List<UUID> referralIds = new ArrayList<>();
    private final List<String> providers = new ArrayList<>();
    private final List<UUID> eventIds = new ArrayList<>();

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    /** One step of the stream: a batch as one listener would poll it from its topic. */
    private record Step(Projection projection, List<DomainEvent> events) {
    }

    @Test
    void batchesGiveTheSameReadModelsAsOneByOneAndARedeliveredBatchChangesNothing() {
        List<Step> stream = stream();

        stream.forEach(step -> step.events().forEach(event -> events.applyOnce(step.projection().group(),
                bytes(event), step.projection()::apply)));
        Map<String, List<String>> oneByOne = snapshot();
        forget();

        stream.forEach(step -> batches.applyOnce(step.projection(), step.events().stream().map(this::bytes).toList()));
        Map<String, List<String>> inBatches = snapshot();

        assertFalse(oneByOne.get("spend_slice_month").isEmpty());
        assertFalse(oneByOne.get("spend_month").isEmpty());
        oneByOne.keySet().forEach(table -> assertEquals(String.join("\n", oneByOne.get(table)),
                String.join("\n", inBatches.get(table)), table));

        int again = stream.stream()
                .mapToInt(step -> batches.applyOnce(step.projection(), step.events().stream().map(this::bytes).toList()))
                .sum();
        assertEquals(0, again, "every event of a redelivered batch is recognised");
        assertEquals(inBatches, snapshot(), "a redelivered batch changes nothing");
    }

    private List<Step> stream() {
        for (int i = 0; i < 3; i++) {
            providers.add("7" + String.format("%07d", random.nextInt(10_000_000)));
        }
        for (int i = 0; i < 12; i++) {
            allocationIds.add(UUID.randomUUID());
            referralIds.add(UUID.randomUUID());
        }
        List<Step> steps = new ArrayList<>();
        // referrals and their triage for half of the allocations, then a rejected request for allocation
        List<DomainEvent> referralEvents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            referralEvents.add(new ReferralRegistered(id(), at(i), referralIds.get(i), municipality(i), "ps-" + i, "01",
                    null, LocalDate.of(2033, 1, 2), i == 0, i % 2 == 0 ? provider(i) : null, LocalDate.of(2033, 1, 20)));
            referralEvents.add(new ReferralTriaged(id(), at(i), referralIds.get(i), municipality(i), "ps-" + i, "01",
                    segment(i), "P" + i, i, "SPECIALIST_CARE", LocalDate.of(2033, 1, 5)));
        }
        steps.add(new Step(referrals, referralEvents));

        // declarations of allocations monitoring has not seen yet, with a duplicate inside the batch
        List<DomainEvent> early = declarations(0, 8, 40);
        early.add(early.get(3));
        early.add(new CareStarted(id(), at(1), allocationIds.get(0), provider(0), municipality(0), null,
                LocalDate.of(2033, 1, 3)));
        early.addAll(declarations(0, 4, 10));
        steps.add(new Step(reports, early));

        // the allocations arrive: spend declared before them moves to their dimensions
        List<DomainEvent> issued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            issued.add(issued(i));
        }
        issued.add(issued(5)); // the same allocation issued again in the batch, with other dimensions
        issued.add(issued(6));
        issued.add(new AllocationChanged(id(), at(2), allocationIds.get(1), municipality(1), provider(1), 2, "14", "6",
                LocalDate.of(2033, 1, 1), LocalDate.of(2033, 6, 30), 30_000, "volume"));
        issued.add(new AllocationEnded(id(), at(3), allocationIds.get(2), municipality(2), provider(2),
                LocalDate.of(2033, 5, 31), "02", false, 1_234));
        issued.add(new AllocationRequestRejected(id(), at(3), referralIds.get(4), municipality(4), provider(4), "01",
                "full"));
        issued.add(issued.get(0)); // a duplicate of an AllocationIssued in the same batch
        steps.add(new Step(allocations, issued));

        // more reports mixed: declarations around every other report type, some of allocations still unseen
        List<DomainEvent> mixed = new ArrayList<>(declarations(0, 12, 60));
        mixed.add(new DeclarationRejected(id(), at(4), UUID.randomUUID(), allocationIds.get(5), provider(5),
                municipality(5), LocalDate.of(2033, 3, 1), LocalDate.of(2033, 3, 31), 900, "03", "double"));
        mixed.addAll(declarations(4, 12, 30));
        mixed.add(new CareStopped(id(), at(5), allocationIds.get(3), provider(3), municipality(3), "ps-3",
                LocalDate.of(2033, 6, 1), "01"));
        mixed.add(new OutcomeReported(id(), at(5), allocationIds.get(4), provider(4), municipality(4), "ps-4", "YES", 8));
        mixed.add(new WaitingTimeReported(id(), at(5), allocationIds.get(11), provider(11), municipality(11),
                LocalDate.of(2033, 1, 1), LocalDate.of(2033, 1, 15), 14));
        mixed.addAll(declarations(8, 12, 25));
        mixed.add(early.get(0)); // a redelivery of an earlier batch's event
        steps.add(new Step(reports, mixed));

        // the last allocations arrive after their declarations; one is issued again with other dimensions
        List<DomainEvent> late = new ArrayList<>();
        late.add(issued(10));
        late.add(issued(11));
        late.add(issued(4));
        steps.add(new Step(allocations, late));
        steps.add(new Step(reports, declarations(0, 12, 50)));
        return steps;
    }

    private List<DomainEvent> declarations(int fromAllocation, int toAllocation, int count) {
        List<DomainEvent> list = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int i = fromAllocation + random.nextInt(toAllocation - fromAllocation);
            LocalDate month = LocalDate.of(2033, 1 + random.nextInt(10), 1).plusDays(random.nextInt(20));
            String pseudonym = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> "123456782"; // looks like a BSN: never stored
                default -> "ps-" + i + "-" + random.nextInt(3);
            };
            long cents = 100 + random.nextInt(50_000);
            list.add(new DeclarationAccepted(id(), at(n), UUID.randomUUID(), allocationIds.get(i), provider(i),
                    municipality(i), pseudonym, "46", "46A01", month, month.plusDays(5), 1, "14", cents, cents));
        }
        return list;
    }

    private AllocationIssued issued(int i) {
        return new AllocationIssued(id(), at(i), allocationIds.get(i), i < 6 ? referralIds.get(i) : null,
                municipality(i), "ps-" + i, provider(i), UUID.randomUUID(), "46", "46A01",
                segment(i + random.nextInt(2)), "P" + i, 1 + i % 3, "0" + (1 + i % 5), "CAPACITY", 1, "14", "6",
                LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31), 50_000, 50_000, "line-" + i, null);
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        String[] ids = allocationIds.stream().map(UUID::toString).toArray(String[]::new);
        String[] refs = referralIds.stream().map(UUID::toString).toArray(String[]::new);
        String[] agbs = providers.toArray(String[]::new);
        tables.put("allocation_fact", rows("select * from allocation_fact where allocation_id::text = any(?)"
                + " order by allocation_id", ids));
        tables.put("spend_month", rows("select * from spend_month where allocation_id::text = any(?)"
                + " order by allocation_id, month", ids));
        tables.put("spend_slice_month", rows("select * from spend_slice_month where provider_agb = any(?)"
                + " order by month, municipality_code, segment, profile, provider_agb, referrer_type", agbs));
        tables.put("referral_fact", rows("select * from referral_fact where referral_id::text = any(?)"
                + " order by referral_id", refs));
        return tables;
    }

    private List<String> rows(String sql, String[] keys) {
        return transactions.executeRead(status -> db.query(sql, List.of((Object) keys), rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.append(meta.getColumnName(c)).append('=').append(rs.getString(c)).append(' ');
            }
            return row.toString();
        }));
    }

    /** Removes what the stream wrote, and the record of its events, so it can be applied again. */
    private void forget() {
        String[] ids = allocationIds.stream().map(UUID::toString).toArray(String[]::new);
        transactions.executeWrite(status -> {
            db.update("delete from allocation_fact where allocation_id::text = any(?)", (Object) ids);
            db.update("delete from spend_month where allocation_id::text = any(?)", (Object) ids);
            db.update("delete from spend_slice_month where provider_agb = any(?)",
                    (Object) providers.toArray(String[]::new));
            db.update("delete from referral_fact where referral_id::text = any(?)",
                    (Object) referralIds.stream().map(UUID::toString).toArray(String[]::new));
            db.update("delete from processed_event where event_id::text = any(?)",
                    (Object) eventIds.stream().map(UUID::toString).toArray(String[]::new));
            return null;
        });
    }

    private byte[] bytes(DomainEvent event) {
        return json.encode(event).getBytes(StandardCharsets.UTF_8);
    }

    private UUID id() {
        UUID id = UUID.randomUUID();
        eventIds.add(id);
        return id;
    }

    private static Instant at(int minute) {
        return Instant.parse("2033-01-10T09:00:00Z").plusSeconds(60L * minute);
    }

    private String provider(int allocation) {
        return providers.get(allocation % providers.size());
    }

    private static String municipality(int allocation) {
        return MUNICIPALITIES[allocation % MUNICIPALITIES.length];
    }

    private static String segment(int i) {
        return SEGMENTS[i % SEGMENTS.length];
    }
}
