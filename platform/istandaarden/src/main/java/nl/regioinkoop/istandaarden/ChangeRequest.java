package nl.regioinkoop.istandaarden;

import java.util.List;

/**
 * JW317 / WMO317: a provider asks to change a client's allocations. It names every current allocation as unchanged
 * or to change, and may add new products. reason is RedenVerzoek (1 client's situation changed, 2 care plan changed);
 * providerReference (ReferentieAanbieder) is the key the 319 or 301 answer refers to. {@link #toString()} hides the BSN.
 */
public record ChangeRequest(MessageType type, Header header, String bsn, String providerReference, String reason,
                            List<Long> unchangedAllocations, List<ProductChange> changes, List<NewProduct> newProducts) {

    public ChangeRequest {
        unchangedAllocations = List.copyOf(unchangedAllocations);
        changes = List.copyOf(changes);
        newProducts = List.copyOf(newProducts);
    }

    /** Number of lines a return verdict must judge: unchanged, changed and new products together. */
    public int lineCount() {
        return unchangedAllocations.size() + changes.size() + newProducts.size();
    }

    @Override
    public String toString() {
        return "ChangeRequest[type=" + type + ", header=" + header + ", bsn=***, providerReference=" + providerReference
                + ", reason=" + reason + ", unchanged=" + unchangedAllocations + ", changes=" + changes
                + ", newProducts=" + newProducts + "]";
    }
}
