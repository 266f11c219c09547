package nl.regioinkoop.access.client;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Registers and finds residents of one municipality. */
@Singleton
public class ClientRegistration {
    private final Clients clients;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final TestMode testMode;

    ClientRegistration(Clients clients, Pseudonyms pseudonyms, Clock clock, TestMode testMode) {
        this.clients = clients;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.testMode = testMode;
    }

    @Transactional
    public Client register(RegisterClient command) {
        Bsn bsn = Bsn.of(command.bsn());
        testMode.requireTestBsn(bsn);
        if (command.birthDate().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("The birth date lies in the future");
        }
        String pseudonym = pseudonyms.of(bsn);
        Optional<Client> existing = clients.findByPseudonymAndMunicipalityCode(pseudonym, command.municipalityCode());
        if (existing.isPresent()) {
            throw ProblemException.conflict("client-already-registered", "Client already registered",
                            "This BSN is already registered in municipality " + command.municipalityCode())
                    .with("clientId", existing.get().id());
        }
        return clients.save(new Client(UUID.randomUUID(), bsn.value(), pseudonym, command.name().strip(),
                command.birthDate(), command.municipalityCode(), clock.instant()));
    }

    public Optional<Client> find(String municipalityCode, Bsn bsn) {
        return clients.findByPseudonymAndMunicipalityCode(pseudonyms.of(bsn), municipalityCode);
    }
}
