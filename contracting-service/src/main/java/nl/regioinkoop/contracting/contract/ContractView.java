package nl.regioinkoop.contracting.contract;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.contracting.ContractTerms;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A contract over HTTP: its full terms (as in the events) and how its term was built. */
@Serdeable
public record ContractView(UUID id, String status, int version, int initialYears, List<Integer> extensionOptions,
                           int extensionsUsed, List<Integer> remainingExtensionOptions, LocalDate suspendedFrom,
                           ContractTerms terms) {
    public static ContractView of(Contract c) {
        return new ContractView(c.id(), c.status().name(), c.version(), c.initialYears(), c.extensionOptions(),
                c.extensionsUsed(), c.remainingExtensionOptions(), c.suspendedFrom(), c.terms());
    }
}
