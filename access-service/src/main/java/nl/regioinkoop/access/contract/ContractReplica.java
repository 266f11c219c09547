package nl.regioinkoop.access.contract;

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
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.ContractAmended;
import nl.regioinkoop.events.contracting.ContractEnded;
import nl.regioinkoop.events.contracting.ContractExtended;
import nl.regioinkoop.events.contracting.ContractResumed;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.events.contracting.ContractSuspended;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.kit.consumer.EventHandling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Keeps each contract's latest terms and status from contracting-service's events, once per event. */
@KafkaListener(groupId = ContractReplica.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ContractReplica {
    static final String GROUP = "access.contracts";

    private final EventHandling events;
    private final JdbcOperations jdbc;
    private final ObjectMapper mapper;

    ContractReplica(EventHandling events, JdbcOperations jdbc, ObjectMapper mapper) {
        this.events = events;
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Topic(Topics.CONTRACTS_V1)
    void on(@KafkaKey String contractId, byte[] payload,
            @Nullable @MessageHeader(RequestIds.KAFKA_HEADER) String requestId) {
        events.applyOnce(GROUP, payload, requestId, this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof ContractSigned signed) {
            upsert(signed.terms(), signed.occurredAt());
        } else if (event instanceof ContractAmended amended) {
            upsert(amended.terms(), amended.occurredAt());
        } else if (event instanceof ContractExtended extended) {
            upsert(extended.terms(), extended.occurredAt());
        } else if (event instanceof ContractResumed resumed && resumed.terms() != null) {
            upsert(resumed.terms(), resumed.occurredAt());
        } else if (event instanceof ContractSuspended suspended) {
            jdbc.prepareStatement("update contract set status = 'SUSPENDED', suspended_from = ?, updated_at = ? "
                    + "where contract_id = ?", st -> {
                try {
                    st.setDate(1, suspended.from() == null ? null : Date.valueOf(suspended.from()));
                    st.setTimestamp(2, Timestamp.from(suspended.occurredAt()));
                    st.setObject(3, suspended.contractId());
                    return st.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } else if (event instanceof ContractEnded ended) {
            // running allocations keep care continuity; new ones cannot start under an ended contract
            jdbc.prepareStatement("update contract set status = 'ENDED', valid_to = least(valid_to, ?), updated_at = ? "
                    + "where contract_id = ?", st -> {
                try {
                    st.setDate(1, Date.valueOf(ended.endDate()));
                    st.setTimestamp(2, Timestamp.from(ended.occurredAt()));
                    st.setObject(3, ended.contractId());
                    return st.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private void upsert(ContractTerms terms, Instant at) {
        String json;
        try {
            json = mapper.writeValueAsString(terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String status = terms.status() == null ? "ACTIVE" : terms.status();
        jdbc.prepareStatement("""
                insert into contract (contract_id, provider_agb, status, valid_from, valid_to, terms, updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (contract_id) do update set provider_agb = excluded.provider_agb, status = excluded.status,
                  valid_from = excluded.valid_from, valid_to = excluded.valid_to, terms = excluded.terms,
                  updated_at = excluded.updated_at,
                  suspended_from = case when excluded.status = 'SUSPENDED' then contract.suspended_from end""", st -> {
            try {
                st.setObject(1, terms.contractId());
                st.setString(2, terms.providerAgb());
                st.setString(3, status);
                st.setDate(4, Date.valueOf(terms.validFrom()));
                st.setDate(5, Date.valueOf(terms.validTo()));
                st.setString(6, json);
                st.setTimestamp(7, Timestamp.from(at));
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
