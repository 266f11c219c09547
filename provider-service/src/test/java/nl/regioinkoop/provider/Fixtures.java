package nl.regioinkoop.provider;

import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.AllocationEnded;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.events.contracting.Tariff;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.TopicWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Plays access-service's and contracting-service's events, as their outbox relays would put them on the wire. */
public final class Fixtures {
    public static final String PRODUCT = "45A48";
    public static final String HOUR = "04";
    /** The tariff until three months ago, and the indexed tariff since. */
    public static final long OLD_TARIFF = 8_000;
    public static final long NEW_TARIFF = 8_400;

    private final EventJson json;

    public Fixtures(EventJson json) {
        this.json = json;
    }

    public static String randomAgb() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(1, 99_999_999));
    }

    public static YearMonth monthsAgo(int months) {
        return YearMonth.now(ZoneId.of("Europe/Amsterdam")).minusMonths(months);
    }

    /** A PXQ contract for ambulant care (45A48 per hour) whose tariff was indexed three months ago. */
    public ContractSigned contractSigned(String providerAgb) {
        UUID contractId = UUID.randomUUID();
        LocalDate from = monthsAgo(24).atDay(1);
        Tariff old = new Tariff(null, null, null, OLD_TARIFF, from, monthsAgo(4).atEndOfMonth(), 0);
        Tariff indexed = new Tariff(null, null, null, NEW_TARIFF, monthsAgo(3).atDay(1), null, 0);
        ContractProduct product = new ContractProduct("45", PRODUCT, "AMBULANT", "PXQ", HOUR, List.of(old, indexed));
        ContractTerms terms = new ContractTerms(contractId, null, null, "MLW", providerAgb, List.of(), "OPEN_HOUSE",
                "AMBULANT", List.of("0988", "0946", "1640"), List.of(product), from, from.plusYears(4),
                from.plusYears(8), 3, null, null, "ACTIVE");
        return new ContractSigned(UUID.randomUUID(), Instant.now(), contractId, terms);
    }

    /** An allocation of {@code hours} hours in total (frequency 6), valid from six months ago to six months ahead. */
    public AllocationIssued allocationIssued(String providerAgb, UUID contractId, long hours) {
        return new AllocationIssued(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), "0988",
                "pseudo-" + UUID.randomUUID(), providerAgb, contractId, "45", PRODUCT, "AMBULANT", null, null, "02",
                "PXQ", hours, HOUR, "6", monthsAgo(6).atDay(1), monthsAgo(-6).atEndOfMonth(), NEW_TARIFF,
                hours * NEW_TARIFF, "0988-AMBULANT-" + monthsAgo(0).getYear(), null);
    }

    public AllocationEnded allocationEnded(UUID allocationId, String providerAgb, LocalDate endDate) {
        return new AllocationEnded(UUID.randomUUID(), Instant.now(), allocationId, "0988", providerAgb, endDate, "36",
                false, 0);
    }

    public void publish(String topic, DomainEvent event) {
        TopicWriter.send(Infra.kafkaBootstrapServers(), topic, event.aggregateId(), EventCatalogue.typeOf(event),
                json.encode(event));
    }

    public void publishContract(DomainEvent event) {
        publish(Topics.CONTRACTS_V1, event);
    }

    public void publishAllocation(DomainEvent event) {
        publish(Topics.ALLOCATIONS_V1, event);
    }
}
