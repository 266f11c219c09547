package nl.regioinkoop.istandaarden;

import java.util.List;

/** JW305 / WMO305: a provider reports that care started. Afzender is the provider (AGB), Ontvanger the municipality. */
public record StartOfCare(MessageType type, Header header, Client client, List<StartedProduct> products) {

    public StartOfCare {
        products = List.copyOf(products);
    }
}
