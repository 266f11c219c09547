package nl.regioinkoop.monitoring;

import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.AllocationChanged;
import nl.regioinkoop.events.access.AllocationEnded;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.events.access.AllocationRequestRejected;
import nl.regioinkoop.events.access.BudgetCommitted;
import nl.regioinkoop.events.access.BudgetRealised;
import nl.regioinkoop.events.access.BudgetSet;
import nl.regioinkoop.events.access.ReferralRegistered;
import nl.regioinkoop.events.access.ReferralTriaged;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.events.provider.CareStarted;
import nl.regioinkoop.events.provider.CareStopped;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.events.provider.OutcomeReported;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.events.provider.ProviderUpdated;
import nl.regioinkoop.events.provider.WaitingTimeReported;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.TopicWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small region in one year, as the other services would publish it. Weert (0988) and Nederweert (0946); providers
 * A, B, C; five allocations in AMBULANT and VERBLIJF; declarations, stops, outcomes, waiting times, two budget lines,
 * two contracts with a ceiling, and three requests for allocation. Expected figures are worked out in FiguresIT.
 * Each test class uses its own year and AGB codes, so classes sharing the broker and database do not see each other.
 */
public final class RegionScenario {
    public static final Map<String, String> TOPIC_BY_GROUP = Map.of(
            "monitoring.providers", Topics.PROVIDERS_V1,
            "monitoring.allocations", Topics.ALLOCATIONS_V1,
            "monitoring.referrals", Topics.REFERRALS_V1,
            "monitoring.budgets", Topics.BUDGETS_V1,
            "monitoring.reports", Topics.PROVIDER_REPORTS_V1,
            "monitoring.contracts", Topics.CONTRACTS_V1,
            "monitoring.tenders", Topics.TENDERS_V1);

    public final int year;
    public final String a;
    public final String b;
    public final String c;
    public final String pseudonymPrefix;
    public final UUID referralOverdue = UUID.randomUUID();
    public final UUID contractK = UUID.randomUUID();
    private final List<Message> messages = new ArrayList<>();

    private record Message(String topic, String key, DomainEvent event) {
    }

    /** @param agbPrefix four digits; providers A, B, C get AGB codes prefix + 0001, 0002, 0003 */
    public RegionScenario(int year, String agbPrefix) {
        this.year = year;
        this.a = agbPrefix + "0001";
        this.b = agbPrefix + "0002";
        this.c = agbPrefix + "0003";
        this.pseudonymPrefix = "ps-" + year + "-";
        script();
    }

    private LocalDate d(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    private static Instant now() {
        return Instant.now();
    }

    private void script() {
        provider(a, "Zorggroep Aurora", List.of("Weert", "Nederweert"));
        provider(b, "Jeugdhulp Bastion", List.of("Weert"));
        provider(c, "Cura Verblijf", List.of("Leudal"));

        UUID contractL = id();
        UUID contractM = id();
        contract(contractL, a, "AMBULANT", 1_000_000L);
        contract(contractM, b, "AMBULANT", null);
        contract(contractK, c, "VERBLIJF", 500_000L);

        UUID r4 = referral(id(), "0988", "p1", "02", null, null);
        messages.add(new Message(Topics.REFERRALS_V1, r4.toString(), new ReferralTriaged(id(), now(), r4, "0988",
                pseudonym("p1"), "02", "AMBULANT", "P1", 2, "SPECIALIST_CARE", d(1, 3))));
        UUID r5 = referral(id(), "0946", "p10", "06", null, null);
        messages.add(new Message(Topics.REFERRALS_V1, r5.toString(), new ReferralTriaged(id(), now(), r5, "0946",
                pseudonym("p10"), "06", "AMBULANT", "P1", 1, "NORMALISED", d(1, 11))));
        UUID a1 = allocation(r4, "0988", "p1", a, contractL, "AMBULANT", "P1", 2, "02", 100_000, d(6, 30));
        UUID a2 = allocation(null, "0988", "p2", a, contractL, "AMBULANT", "P1", 2, "01", 200_000, d(12, 31));
        UUID a3 = allocation(null, "0988", "p3", b, contractM, "AMBULANT", "P2", 4, "02", 300_000, d(12, 31));
        UUID a4 = allocation(null, "0946", "p4", b, contractM, "AMBULANT", "P2", 4, "04", 400_000, d(12, 31));
        UUID a5 = allocation(null, "0988", "p1", c, contractK, "VERBLIJF", "P3", 3, "04", 1_000_000, d(12, 31));
        // withdrawn before any care: it must change no figure (no client, no run-rate, no intensity)
        UUID a6 = allocation(null, "0988", "p9", a, contractL, "AMBULANT", "P2", 4, "02", 50_000, d(3, 31));
        messages.add(new Message(Topics.ALLOCATIONS_V1, a6.toString(),
                new AllocationEnded(id(), now(), a6, "0988", a, d(1, 2), "36", true, 50_000)));
        // a changed volume changes no figure either: its commitment is the budget line's, which access-service reports
        messages.add(new Message(Topics.ALLOCATIONS_V1, a2.toString(),
                new AllocationChanged(id(), now(), a2, "0988", a, 12, "04", "2", d(1, 1), d(12, 31), 240_000,
                        "more hours")));

        declaration(a1, "0988", "p1", a, d(1, 1), 50_000);
        declaration(a1, "0988", "p1", a, d(2, 1), 50_000);
        declaration(a2, "0988", "p2", a, d(1, 1), 20_000);
        declaration(a3, "0988", "p3", b, d(1, 1), 30_000);
        declaration(a3, "0988", "p3", b, d(3, 1), 30_000);
        declaration(a4, "0946", "p4", b, d(2, 1), 40_000);
        declaration(a5, "0988", "p1", c, d(1, 1), 250_000);
        declaration(a5, "0988", "p1", c, d(2, 1), 250_000);

        report(new CareStarted(id(), now(), a2, a, "0988", pseudonym("p2"), d(1, 5)));
        report(new CareStopped(id(), now(), a2, a, "0988", pseudonym("p2"), d(2, 4), "31"));
        report(new CareStarted(id(), now(), a3, b, "0988", pseudonym("p3"), d(1, 10)));
        report(new CareStopped(id(), now(), a3, b, "0988", pseudonym("p3"), d(3, 31), "32"));
        report(new OutcomeReported(id(), now(), a1, a, "0988", pseudonym("p1"), "PARTLY", 7));
        report(new OutcomeReported(id(), now(), a2, a, "0988", pseudonym("p2"), "YES", 8));
        report(new OutcomeReported(id(), now(), a3, b, "0988", pseudonym("p3"), "NO", 5));
        report(new WaitingTimeReported(id(), now(), a1, a, "0988", d(1, 1).minusDays(10), d(1, 1), 10));
        report(new WaitingTimeReported(id(), now(), a3, b, "0988", d(1, 1).minusDays(20), d(1, 10), 20));
        report(new WaitingTimeReported(id(), now(), a4, b, "0946", d(1, 1).minusDays(14), d(1, 1), 14));

        UUID weertAmbulant = id();
        budget(new BudgetSet(id(), now(), weertAmbulant, "0988", year, "AMBULANT", 500_000));
        budget(new BudgetCommitted(id(), now(), weertAmbulant, "0988", year, "AMBULANT", a3, 600_000, 600_000,
                false, null));
        budget(new BudgetRealised(id(), now(), weertAmbulant, "0988", year, "AMBULANT", a3, id(), 180_000, 420_000,
                180_000));
        UUID nederweertAmbulant = id();
        budget(new BudgetSet(id(), now(), nederweertAmbulant, "0946", year, "AMBULANT", 1_000_000));
        budget(new BudgetCommitted(id(), now(), nederweertAmbulant, "0946", year, "AMBULANT", a4, 400_000, 400_000,
                false, null));
        budget(new BudgetRealised(id(), now(), nederweertAmbulant, "0946", year, "AMBULANT", a4, id(), 40_000,
                360_000, 40_000));

        // requests for allocation: one overdue, one rejected in time, one whose deadline is still ahead
        referral(referralOverdue, "0988", "p6", "02", b, d(4, 1));
        UUID rejected = referral(id(), "0988", "p7", "02", a, d(4, 1));
        messages.add(new Message(Topics.ALLOCATIONS_V1, rejected.toString(),
                new AllocationRequestRejected(id(), now(), rejected, "0988", a, "4", "past de afspraken niet")));
        referral(id(), "0946", "p8", "03", a, d(4, 20));
    }

    private String pseudonym(String client) {
        return pseudonymPrefix + client;
    }

    private void provider(String agb, String name, List<String> areas) {
        UUID providerId = id();
        messages.add(new Message(Topics.PROVIDERS_V1, providerId.toString(),
                new ProviderRegistered(id(), now(), providerId, agb, "12345678", name, "JEUGD")));
        messages.add(new Message(Topics.PROVIDERS_V1, providerId.toString(),
                new ProviderUpdated(id(), now(), providerId, agb, "12345678", name, "JEUGD", true, areas, 100)));
    }

    private void contract(UUID contractId, String agb, String segment, Long ceiling) {
        ContractTerms terms = new ContractTerms(contractId, null, null, "MLW", agb, List.of(), "OPEN_HOUSE", segment,
                List.of("0988", "0946", "1640"), List.of(), d(1, 1), d(12, 31), d(12, 31).plusYears(2), 3, ceiling,
                null, "ACTIVE");
        messages.add(new Message(Topics.CONTRACTS_V1, contractId.toString(),
                new ContractSigned(id(), now(), contractId, terms)));
    }

    private UUID referral(UUID referralId, String municipality, String client, String referrer, String requestingAgb,
                          LocalDate deadline) {
        messages.add(new Message(Topics.REFERRALS_V1, referralId.toString(),
                new ReferralRegistered(id(), now(), referralId, municipality, pseudonym(client), referrer, null,
                        d(1, 1), false, requestingAgb, deadline)));
        return referralId;
    }

    private UUID allocation(UUID referralId, String municipality, String client, String agb, UUID contractId,
                            String segment, String profile, int intensity, String referrer, long committed,
                            LocalDate validTo) {
        UUID allocationId = id();
        messages.add(new Message(Topics.ALLOCATIONS_V1, allocationId.toString(),
                new AllocationIssued(id(), now(), allocationId, referralId, municipality, pseudonym(client), agb,
                        contractId, "45", "45A48", segment, profile, intensity, referrer, "PXQ", 10, "04", "2",
                        d(1, 1), validTo, committed / 10, committed, segment, null)));
        return allocationId;
    }

    private void declaration(UUID allocationId, String municipality, String client, String agb, LocalDate month,
                             long cents) {
        report(new DeclarationAccepted(id(), now(), id(), allocationId, agb, municipality, pseudonym(client), "45",
                "45A48", month, month.plusMonths(1).minusDays(1), 1, "04", cents, cents));
    }

    private void report(DomainEvent event) {
        messages.add(new Message(Topics.PROVIDER_REPORTS_V1, event.aggregateId(), event));
    }

    private void budget(DomainEvent event) {
        messages.add(new Message(Topics.BUDGETS_V1, event.aggregateId(), event));
    }

    /** Publishes every event, reports first: monitoring must not depend on the order of the topics. */
    public void publish(String bootstrap, EventJson json) {
        List<Message> reportsFirst = new ArrayList<>();
        messages.stream().filter(m -> m.topic().equals(Topics.PROVIDER_REPORTS_V1)).forEach(reportsFirst::add);
        messages.stream().filter(m -> !m.topic().equals(Topics.PROVIDER_REPORTS_V1)).forEach(reportsFirst::add);
        for (Message m : reportsFirst) {
            TopicWriter.send(bootstrap, m.topic(), m.key(), EventCatalogue.typeOf(m.event()), json.encode(m.event()));
        }
    }

    public int size() {
        return messages.size();
    }
}
