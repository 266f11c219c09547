package nl.regioinkoop.access.allocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.messaging.annotation.MessageHeader;
import nl.regioinkoop.kit.observability.RequestIds;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.regioinkoop.access.budget.BudgetLedger;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.kit.consumer.EventHandling;

import java.time.Clock;
import java.util.Optional;

/**
 * Accepted declarations (provider-service) move money from committed to realised on the allocation's budget line,
 * once: the event id guards redelivery, the declaration line id guards a line published twice.
 */
@KafkaListener(groupId = DeclarationRealisation.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class DeclarationRealisation {
    static final String GROUP = "access.declarations";

    private final EventHandling events;
    private final Allocations allocations;
    private final BudgetLedger ledger;
    private final Clock clock;

    DeclarationRealisation(EventHandling events, Allocations allocations, BudgetLedger ledger, Clock clock) {
        this.events = events;
        this.allocations = allocations;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Topic(Topics.PROVIDER_REPORTS_V1)
    void on(@KafkaKey String allocationId, byte[] payload,
            @Nullable @MessageHeader(RequestIds.KAFKA_HEADER) String requestId) {
        events.applyOnce(GROUP, payload, requestId, this::apply);
    }

    private void apply(DomainEvent event) {
        if (!(event instanceof DeclarationAccepted declaration) || declaration.allocationId() == null) {
            return;
        }
        Optional<Allocation> found = allocations.findByIdForUpdate(declaration.allocationId());
        if (found.isEmpty()) {
            return; // not an allocation of this access service: nothing to realise
        }
        Allocation allocation = found.get();
        long fromCommitted = Math.min(declaration.amountCents(), allocation.committedCents());
        if (allocation.budgetLineId() != null) {
            if (!ledger.realise(allocation.budgetLineId(), allocation.id(), declaration.declarationLineId(),
                    fromCommitted, declaration.amountCents())) {
                return;
            }
        } else {
            fromCommitted = 0;
        }
        allocations.update(allocation.realised(fromCommitted, declaration.amountCents(), clock.instant()));
    }
}
