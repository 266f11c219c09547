package nl.regioinkoop.access;

import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.events.contracting.Tariff;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.TopicWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Plays contracting-service and provider-service: their events on the real broker, as their relays would. */
public final class Contracts {
    public static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    public static final LocalDate TO = LocalDate.of(2028, 12, 31);

    private final EventJson json;

    public Contracts(EventJson json) {
        this.json = json;
    }

    public static String randomAgb() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    }

    /** A random product code of 5 characters in category 45 (ambulant), so tests do not see each other's contracts. */
    public static String randomProductCode() {
        return "45" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase();
    }

    public void registerProvider(String agb) {
        publish(Topics.PROVIDERS_V1, new ProviderRegistered(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), agb,
                "87654321", "Aanbieder " + agb, "YOUTH_CARE"));
    }

    /** A P×Q contract for one ambulant product at a tariff per hour, for the given municipalities. */
    public ContractTerms signPxq(String agb, String productCode, long tariffCents, String... municipalities) {
        return signPxqIn("AMBULANT", agb, productCode, tariffCents, municipalities);
    }

    public ContractTerms signPxqIn(String segment, String agb, String productCode, long tariffCents,
                                   String... municipalities) {
        ContractProduct product = new ContractProduct("45", productCode, segment, "PXQ", "04",
                List.of(new Tariff(null, null, null, tariffCents, FROM, TO, 0)));
        return sign(agb, List.of(product), municipalities);
    }

    /** An output contract: a price per trajectory for profile P3 at intensities 1..7 (intensity × 1,000 euros). */
    public ContractTerms signOutput(String agb, String productCode, String... municipalities) {
        List<Tariff> tariffs = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new Tariff("P3", i, null, i * 100_000L, FROM, TO, 1000)).toList();
        return sign(agb, List.of(new ContractProduct("45", productCode, "AMBULANT", "OUTPUT", "82", tariffs)),
                municipalities);
    }

    public ContractTerms signLumpSum(String agb, String productCode, String... municipalities) {
        return sign(agb, List.of(new ContractProduct("45", productCode, "AMBULANT", "LUMP_SUM", null,
                List.of(new Tariff(null, null, "WEERT", 50_000_000L, FROM, TO, 0)))), municipalities);
    }

    public ContractTerms sign(String agb, List<ContractProduct> products, String... municipalities) {
        UUID id = UUID.randomUUID();
        ContractTerms terms = new ContractTerms(id, UUID.randomUUID(), UUID.randomUUID(), "MLW", agb,
                List.of(new ConsortiumMember(agb, "LEAD", 10_000)), "OPEN_HOUSE", "AMBULANT",
                List.of(municipalities), products, FROM, TO, TO.plusYears(2), 3, null, null, "ACTIVE");
        publish(Topics.CONTRACTS_V1, new ContractSigned(UUID.randomUUID(), Instant.now(), id, terms));
        return terms;
    }

    public void publish(String topic, DomainEvent event) {
        TopicWriter.send(Infra.kafkaBootstrapServers(), topic, event.aggregateId(), event.getClass().getSimpleName(),
                json.encode(event));
    }
}
