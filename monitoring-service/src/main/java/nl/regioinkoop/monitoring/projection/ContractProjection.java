package nl.regioinkoop.monitoring.projection;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.ContractAmended;
import nl.regioinkoop.events.contracting.ContractEnded;
import nl.regioinkoop.events.contracting.ContractExtended;
import nl.regioinkoop.events.contracting.ContractResumed;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.events.contracting.ContractSuspended;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.monitoring.sql.Db;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** Contracts with their production ceilings, term and status. */
@KafkaListener(groupId = ContractProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ContractProjection implements Projection {
    static final String GROUP = "monitoring.contracts";

    private final Listening events;
    private final Db db;

    ContractProjection(Listening events, Db db) {
        this.events = events;
        this.db = db;
    }

    @Topic(Topics.CONTRACTS_V1)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        events.applyOnce(this, records, consumer);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String topic() {
        return Topics.CONTRACTS_V1;
    }

    @Override
    public void apply(DomainEvent event) {
        if (event instanceof ContractSigned e) {
            terms(e.contractId(), e.terms());
        } else if (event instanceof ContractAmended e) {
            terms(e.contractId(), e.terms());
        } else if (event instanceof ContractExtended e) {
            terms(e.contractId(), e.terms());
        } else if (event instanceof ContractResumed e) {
            terms(e.contractId(), e.terms());
        } else if (event instanceof ContractSuspended e) {
            db.update("update contract_view set status = 'SUSPENDED' where contract_id = ?", e.contractId());
        } else if (event instanceof ContractEnded e) {
            db.update("update contract_view set status = 'ENDED', valid_to = ? where contract_id = ?", e.endDate(),
                    e.contractId());
        }
    }

    private void terms(java.util.UUID contractId, ContractTerms t) {
        if (t == null) {
            return;
        }
        db.update("""
                insert into contract_view (contract_id, tender_id, region, provider_agb, contract_form, segment,
                  valid_from, valid_to, annual_ceiling_cents, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (contract_id) do update set tender_id = excluded.tender_id, region = excluded.region,
                  provider_agb = excluded.provider_agb, contract_form = excluded.contract_form,
                  segment = excluded.segment, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                  annual_ceiling_cents = excluded.annual_ceiling_cents, status = excluded.status""",
                contractId, t.tenderId(), t.region(), t.providerAgb(), t.contractForm(), t.segment(), t.validFrom(),
                t.validTo(), t.annualCeilingCents(), t.status() == null ? "ACTIVE" : t.status());
    }
}
