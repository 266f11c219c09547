package nl.regioinkoop.monitoring.projection;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.AllocationChanged;
import nl.regioinkoop.events.access.AllocationEnded;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.events.access.AllocationRequestRejected;
import nl.regioinkoop.monitoring.sql.Db;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Allocations with their dimensions (segment, profile, intensity, referrer type, provider, product) and money,
 * and the answers to providers' requests for allocation.
 */
@KafkaListener(groupId = AllocationProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class AllocationProjection implements Projection {
    static final String GROUP = "monitoring.allocations";

    private final Listening events;
    private final Db db;
    private final SpendSummary spend;
    private final AllocationRun issuedRun;

    AllocationProjection(Listening events, Db db, SpendSummary spend, AllocationRun issuedRun) {
        this.events = events;
        this.db = db;
        this.spend = spend;
        this.issuedRun = issuedRun;
    }

    @Topic(Topics.ALLOCATIONS_V1)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        events.applyOnce(this, records, consumer);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String topic() {
        return Topics.ALLOCATIONS_V1;
    }

    @Override
    public boolean writesSharedRows() {
        return true;
    }

    /**
     * Each run of consecutive AllocationIssued events of distinct allocations is applied set-based
     * ({@link AllocationRun}); any other event, or a second event of an allocation already in the run, ends the run
     * and keeps its place.
     */
    @Override
    public void applyAll(List<DomainEvent> events) {
        List<AllocationIssued> run = new ArrayList<>();
        Set<UUID> inRun = new HashSet<>();
        for (DomainEvent event : events) {
            if (event instanceof AllocationIssued issued && inRun.add(issued.allocationId())) {
                run.add(issued);
                continue;
            }
            issuedRun.apply(run);
            run.clear();
            inRun.clear();
            if (event instanceof AllocationIssued issued) {
                run.add(issued);
                inRun.add(issued.allocationId());
            } else {
                apply(event);
            }
        }
        issuedRun.apply(run);
    }

    @Override
    public void apply(DomainEvent event) {
        if (event instanceof AllocationIssued issued) {
            issued(issued);
        } else if (event instanceof AllocationChanged changed) {
            db.update("""
                    insert into allocation_fact (allocation_id, municipality_code, provider_agb, valid_from, valid_to,
                      committed_cents, status) values (?, ?, ?, ?, ?, ?, 'ACTIVE')
                    on conflict (allocation_id) do update set valid_from = excluded.valid_from,
                      valid_to = excluded.valid_to, committed_cents = excluded.committed_cents""",
                    changed.allocationId(), changed.municipalityCode(), changed.providerAgb(), changed.validFrom(),
                    changed.validTo(), changed.committedCents());
        } else if (event instanceof AllocationEnded ended) {
            db.update("""
                    insert into allocation_fact (allocation_id, municipality_code, provider_agb, status, end_date,
                      end_reason, released_cents) values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (allocation_id) do update set status = excluded.status, end_date = excluded.end_date,
                      end_reason = excluded.end_reason,
                      released_cents = allocation_fact.released_cents + excluded.released_cents""",
                    ended.allocationId(), ended.municipalityCode(), ended.providerAgb(),
                    ended.withdrawn() ? "WITHDRAWN" : "ENDED", ended.endDate(), ended.reasonCode(),
                    ended.releasedCents());
        } else if (event instanceof AllocationRequestRejected rejected) {
            db.update("""
                    insert into referral_fact (referral_id, municipality_code, requesting_provider_agb, answer,
                      answered_at, reject_reason) values (?, ?, ?, 'REJECTED', ?, ?)
                    on conflict (referral_id) do update set answer = 'REJECTED', answered_at = excluded.answered_at,
                      reject_reason = excluded.reject_reason""",
                    rejected.referralId(), rejected.municipalityCode(), rejected.providerAgb(),
                    java.sql.Timestamp.from(rejected.occurredAt()), rejected.reasonCode());
        }
    }

    private void issued(AllocationIssued a) {
        // spend declared before monitoring saw the allocation moves from the dimensions it had to its real ones
        spend.lock(a.allocationId());
        spend.move(a.allocationId(), -1);
        // the status stays what later events of this allocation made it, should they have been applied first
        db.update("""
                insert into allocation_fact (allocation_id, referral_id, municipality_code, client_pseudonym,
                  provider_agb, contract_id, product_category, product_code, segment, profile, intensity,
                  referrer_type, funding_model, budget_line, valid_from, valid_to, committed_cents, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')
                on conflict (allocation_id) do update set referral_id = excluded.referral_id,
                  municipality_code = excluded.municipality_code,
                  client_pseudonym = coalesce(excluded.client_pseudonym, allocation_fact.client_pseudonym),
                  provider_agb = excluded.provider_agb, contract_id = excluded.contract_id,
                  product_category = excluded.product_category, product_code = excluded.product_code,
                  segment = excluded.segment, profile = excluded.profile, intensity = excluded.intensity,
                  referrer_type = excluded.referrer_type, funding_model = excluded.funding_model,
                  budget_line = excluded.budget_line, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                  committed_cents = excluded.committed_cents,
                  status = case when allocation_fact.status = 'REPORTED' then 'ACTIVE' else allocation_fact.status end""",
                a.allocationId(), a.referralId(), a.municipalityCode(), Pseudonyms.safe(a.clientPseudonym(), a.eventId()),
                a.providerAgb(), a.contractId(), a.productCategory(), a.productCode(), a.segment(), a.profile(),
                a.intensity(), a.referrerType(), a.fundingModel(), a.budgetLine(), a.validFrom(), a.validTo(),
                a.committedCents());
        spend.move(a.allocationId(), +1);
        if (a.referralId() != null) {
            db.update("""
                    insert into referral_fact (referral_id, municipality_code, answer, answered_at)
                    values (?, ?, 'ALLOCATED', ?)
                    on conflict (referral_id) do update set answer = 'ALLOCATED',
                      answered_at = least(coalesce(referral_fact.answered_at, excluded.answered_at),
                                          excluded.answered_at)""",
                    a.referralId(), a.municipalityCode(), java.sql.Timestamp.from(a.occurredAt()));
        }
    }
}
