package nl.regioinkoop.monitoring.projection;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.ReferralRegistered;
import nl.regioinkoop.events.access.ReferralTriaged;
import nl.regioinkoop.monitoring.sql.Db;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** Referrals and providers' requests for allocation, with their triage. */
@KafkaListener(groupId = ReferralProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ReferralProjection implements Projection {
    static final String GROUP = "monitoring.referrals";

    private final Listening events;
    private final Db db;

    ReferralProjection(Listening events, Db db) {
        this.events = events;
        this.db = db;
    }

    @Topic(Topics.REFERRALS_V1)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        events.applyOnce(this, records, consumer);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String topic() {
        return Topics.REFERRALS_V1;
    }

    @Override
    public boolean writesSharedRows() {
        return true;
    }

    @Override
    public void apply(DomainEvent event) {
        if (event instanceof ReferralRegistered r) {
            db.update("""
                    insert into referral_fact (referral_id, municipality_code, client_pseudonym, referrer_type,
                      referral_date, crisis, requesting_provider_agb, answer_deadline) values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (referral_id) do update set municipality_code = excluded.municipality_code,
                      client_pseudonym = excluded.client_pseudonym, referrer_type = excluded.referrer_type,
                      referral_date = excluded.referral_date, crisis = excluded.crisis,
                      requesting_provider_agb = excluded.requesting_provider_agb,
                      answer_deadline = excluded.answer_deadline""",
                    r.referralId(), r.municipalityCode(), Pseudonyms.safe(r.clientPseudonym(), r.eventId()),
                    r.referrerType(), r.referralDate(), r.crisis(), r.requestingProviderAgb(), r.answerDeadline());
        } else if (event instanceof ReferralTriaged t) {
            db.update("""
                    insert into referral_fact (referral_id, municipality_code, client_pseudonym, referrer_type, segment,
                      profile, intensity, triage_outcome, triaged_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (referral_id) do update set segment = excluded.segment, profile = excluded.profile,
                      intensity = excluded.intensity, triage_outcome = excluded.triage_outcome,
                      triaged_on = excluded.triaged_on""",
                    t.referralId(), t.municipalityCode(), Pseudonyms.safe(t.clientPseudonym(), t.eventId()),
                    t.referrerType(), t.segment(), t.profile(), t.intensity(), t.outcome(), t.triagedOn());
        }
    }
}
