package nl.regioinkoop.access.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.access.Contracts;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.ContractAmended;
import nl.regioinkoop.events.contracting.ContractEnded;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractSuspended;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.events.contracting.Tariff;
import nl.regioinkoop.events.provider.ProviderUpdated;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ContractReplicaIT extends RealInfrastructure {
    @Inject
    ContractCatalogue catalogue;
    @Inject
    EventJson json;

    @Override
    protected String databaseName() {
        return "access";
    }

    private static ContractCatalogue.Need need(String product, String municipality, LocalDate from, LocalDate to) {
        return new ContractCatalogue.Need(product, municipality, "AMBULANT", "P3", 4, from, to);
    }

    @Test
    void aSignedContractMakesItsProviderEligibleInItsMunicipalitiesOnly() {
        Contracts contracts = new Contracts(json);
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxq(agb, product, 8_500, "0988", "1640");
        LocalDate from = LocalDate.of(2027, 3, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.check(agb,
                need(product, "0988", from, from.plusMonths(3))).eligibility() != null);
        Eligibility eligible = catalogue.check(agb, need(product, "0988", from, from.plusMonths(3))).eligibility();
        assertEquals(8_500, eligible.tariffCents());
        assertEquals("PXQ", eligible.fundingModel());
        assertEquals("provider " + agb + " holds no contract for product " + product + " in 0946 on 2027-03-01",
                catalogue.check(agb, need(product, "0946", from, from.plusMonths(3))).refusal());
        String late = catalogue.check(agb, need(product, "0988", from, LocalDate.of(2029, 6, 30))).refusal();
        assertTrue(late.contains("ends on 2028-12-31"), late);
        assertEquals(List.of(agb), catalogue.eligibleProviders(need(product, "1640", from, from.plusMonths(1)))
                .stream().map(Eligibility::providerAgb).toList());
    }

    @Test
    void anAmendedTariffIsUsedRightAfterTheAmendmentThoughTheOldTermsWereReadBefore() {
        Contracts contracts = new Contracts(json);
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        ContractTerms signed = contracts.signPxq(agb, product, 8_000, "0988");
        LocalDate from = LocalDate.of(2027, 2, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.check(agb,
                need(product, "0988", from, from.plusMonths(1))).eligibility() != null);
        assertEquals(8_000, catalogue.check(agb, need(product, "0988", from, from.plusMonths(1))).eligibility().tariffCents());

        ContractProduct raised = new ContractProduct("45", product, "AMBULANT", "PXQ", "04",
                List.of(new Tariff(null, null, null, 9_250, Contracts.FROM, Contracts.TO, 0)));
        ContractTerms amended = new ContractTerms(signed.contractId(), signed.tenderId(), signed.lotId(), signed.region(),
                signed.providerAgb(), signed.members(), signed.contractForm(), signed.segment(), signed.municipalities(),
                List.of(raised), signed.validFrom(), signed.validTo(), signed.maxValidTo(), signed.noticeMonths(),
                signed.annualCeilingCents(), signed.acceptanceDutyDays(), signed.status());
        contracts.publish(Topics.CONTRACTS_V1, new ContractAmended(UUID.randomUUID(), Instant.now(),
                signed.contractId(), Contracts.FROM, "tariff raised", amended));
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.check(agb,
                need(product, "0988", from, from.plusMonths(1))).eligibility().tariffCents() == 9_250);
        assertEquals(List.of(9_250L), catalogue.eligibleProviders(need(product, "0988", from, from.plusMonths(1)))
                .stream().map(Eligibility::tariffCents).toList());
    }

    @Test
    void aSuspendedOrEndedContractAndAnInactiveProviderAreNotEligible() {
        Contracts contracts = new Contracts(json);
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        ContractTerms terms = contracts.signPxq(agb, product, 9_000, "0988");
        LocalDate from = LocalDate.of(2027, 1, 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.check(agb,
                need(product, "0988", from, from.plusDays(30))).eligibility() != null);

        ContractSuspended suspended = new ContractSuspended(UUID.randomUUID(), Instant.now(), terms.contractId(),
                LocalDate.of(2026, 12, 1), "investigation");
        contracts.publish(Topics.CONTRACTS_V1, suspended);
        contracts.publish(Topics.CONTRACTS_V1, suspended); // redelivered: harmless
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.check(agb,
                need(product, "0988", from, from.plusDays(30))).eligibility() == null);
        assertTrue(catalogue.check(agb, need(product, "0988", from, from.plusDays(30))).refusal().contains("suspended"));

        contracts.publish(Topics.CONTRACTS_V1, new ContractEnded(UUID.randomUUID(), Instant.now(), terms.contractId(),
                LocalDate.of(2027, 6, 30), "terminated"));
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.check(agb,
                need(product, "0988", from, from.plusDays(30))).refusal().contains("ended"));

        String other = Contracts.randomAgb();
        contracts.registerProvider(other);
        contracts.signPxq(other, product, 9_000, "0988");
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.check(other,
                need(product, "0988", from, from.plusDays(30))).eligibility() != null);
        contracts.publish(Topics.PROVIDERS_V1, new ProviderUpdated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                other, "87654321", "Gestopt", "YOUTH_CARE", false, List.of(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.check(other,
                need(product, "0988", from, from.plusDays(30))).eligibility() == null);
        assertNull(catalogue.check(other, need(product, "0988", from, from.plusDays(30))).eligibility());
    }
}
