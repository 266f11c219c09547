package nl.regioinkoop.kit.consumer;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ProcessedEventsIT extends RealInfrastructure {
    @Inject
    ProcessedEvents processedEvents;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected String databaseName() {
        return "kit_consumer";
    }

    @Test
    void aRedeliveredEventIsRecognised() {
        UUID eventId = UUID.randomUUID();
        assertTrue(mark("group-a", eventId));
        assertFalse(mark("group-a", eventId));
        assertTrue(mark("group-b", eventId),
                "another consumer group applies the same event once too");
    }

    @Test
    void aRolledBackApplicationLeavesTheEventToBeProcessedAgain() {
        UUID eventId = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(s -> {
            processedEvents.markProcessed("group-a", eventId);
            throw new IllegalStateException("the handler failed");
        }));
        assertTrue(mark("group-a", eventId));
    }

    private boolean mark(String group, UUID eventId) {
        Boolean first = transactions.executeWrite(status -> processedEvents.markProcessed(group, eventId));
        return first;
    }

    @Test
    void refusesToRecordOutsideATransaction() {
        assertThrows(RuntimeException.class, () -> processedEvents.markProcessed("group-a", UUID.randomUUID()));
    }

    @Test
    void aBatchReturnsOnlyTheEventsSeenForTheFirstTimeAndADuplicateWithinItOnce() {
        UUID seen = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        assertTrue(mark("group-a", seen));
        Set<UUID> first = transactions.executeWrite(status ->
                processedEvents.markProcessed("group-a", List.of(seen, fresh, twice, twice)));
        assertEquals(Set.of(fresh, twice), first);
        assertFalse(mark("group-a", twice), "the batch recorded it");
        assertEquals(Set.of(), transactions.executeWrite(status ->
                processedEvents.markProcessed("group-a", List.of(seen, fresh, twice))), "a redelivered batch");
    }

    @Test
    void aRolledBackBatchLeavesAllItsEventsToBeProcessedAgain() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(s -> {
            processedEvents.markProcessed("group-a", List.of(one, two));
            throw new IllegalStateException("the handler failed");
        }));
        assertEquals(Set.of(one, two), transactions.executeWrite(status ->
                processedEvents.markProcessed("group-a", List.of(one, two))));
    }
}
