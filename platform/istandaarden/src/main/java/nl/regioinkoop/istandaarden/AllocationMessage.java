package nl.regioinkoop.istandaarden;

import java.util.List;

/**
 * JW301 / WMO301: the municipality allocates care to a provider. Afzender is the responsible municipality (4-digit
 * CBS code), Ontvanger the provider's AGB code. The message carries all current allocated products of the client at
 * that provider; a change resends the product with its new dates or extent and a RedenWijziging, a withdrawal resends
 * it with a shortened Einddatum and a RedenWijziging. At least one contact (address) is required by the schema.
 */
public record AllocationMessage(MessageType type, Header header, Client client, List<Contact> contacts,
                                List<AllocatedProduct> products) {

    public AllocationMessage {
        contacts = List.copyOf(contacts);
        products = List.copyOf(products);
    }
}
