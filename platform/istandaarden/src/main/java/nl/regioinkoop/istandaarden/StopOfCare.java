package nl.regioinkoop.istandaarden;

import java.util.List;

/** JW307 / WMO307: a provider reports that care stopped, with the reason. Afzender is the provider (AGB). */
public record StopOfCare(MessageType type, Header header, Client client, List<StoppedProduct> products) {

    public StopOfCare {
        products = List.copyOf(products);
    }
}
