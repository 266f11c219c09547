package nl.regioinkoop.provider.contract;

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
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.ContractAmended;
import nl.regioinkoop.events.contracting.ContractEnded;
import nl.regioinkoop.events.contracting.ContractResumed;
import nl.regioinkoop.events.contracting.ContractExtended;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.events.contracting.ContractSuspended;
import nl.regioinkoop.kit.consumer.EventHandling;

/**
 * Keeps the contract replicas from contracting-service's events, each applied once. Suspension and end are
 * recorded but do not stop declarations: running allocations keep care continuity.
 */
@KafkaListener(groupId = ContractProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ContractProjection {
    static final String GROUP = "provider.contracts";

    private final EventHandling events;
    private final ContractTariffs contracts;

    ContractProjection(EventHandling events, ContractTariffs contracts) {
        this.events = events;
        this.contracts = contracts;
    }

    @Topic(Topics.CONTRACTS_V1)
    void on(@KafkaKey String contractId, byte[] payload,
            @Nullable @MessageHeader(RequestIds.KAFKA_HEADER) String requestId) {
        events.applyOnce(GROUP, payload, requestId, this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof ContractSigned signed) {
            contracts.replaceTerms(signed.contractId(), signed.terms());
        } else if (event instanceof ContractAmended amended) {
            contracts.replaceTerms(amended.contractId(), amended.terms());
        } else if (event instanceof ContractExtended extended) {
            contracts.replaceTerms(extended.contractId(), extended.terms());
        } else if (event instanceof ContractResumed resumed) {
            contracts.replaceTerms(resumed.contractId(), resumed.terms());
        } else if (event instanceof ContractSuspended suspended) {
            contracts.status(suspended.contractId(), "SUSPENDED", suspended.from(), null);
        } else if (event instanceof ContractEnded ended) {
            contracts.status(ended.contractId(), "ENDED", null, ended.endDate());
        }
    }
}
