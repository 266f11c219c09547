package nl.regioinkoop.istandaarden;

import java.time.LocalDate;
import java.util.List;

/**
 * JW323 / WMO323: a provider's monthly declaration. number is the DeclaratieNummer (alphanumeric, unique per
 * provider), the period is the DeclaratiePeriode, dated its DeclaratieDagtekening, totalCents the signed
 * TotaalIngediendBedrag (negative when the total is a credit).
 */
public record DeclarationMessage(MessageType type, Header header, String number, LocalDate periodStart,
                                 LocalDate periodEnd, LocalDate dated, long totalCents, List<DeclaredClient> clients) {

    public DeclarationMessage {
        clients = List.copyOf(clients);
    }

    /** All lines of all clients, in document order. */
    public List<DeclarationLine> lines() {
        return clients.stream().flatMap(client -> client.lines().stream()).toList();
    }
}
