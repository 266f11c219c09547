package nl.regioinkoop.istandaarden;

import java.util.List;

/**
 * JW315 / WMO315: a provider asks the municipality to allocate care (after a referral by a GP, court, ...).
 * custodianKnown is GezagsdragerBekend (1 yes, 2 no; iJw only).
 */
public record AllocationRequest(MessageType type, Header header, Client client, String custodianKnown, String comment,
                                List<RequestedProduct> products) {

    public AllocationRequest {
        products = List.copyOf(products);
    }
}
