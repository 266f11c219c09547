package nl.regioinkoop.istandaarden;

import org.w3c.dom.Element;

/**
 * Reads JW315/WMO315 (request for allocation), writes them (for tests and tools) and answers them with the return
 * message JW316/WMO316. A refused request is answered with a 319 ({@link RequestAnswerMessages}); an accepted one
 * with a 301.
 */
public final class AllocationRequestMessages {

    private final MessageSchemas schemas;

    public AllocationRequestMessages(MessageSchemas schemas) {
        this.schemas = schemas;
    }

    public AllocationRequest read(byte[] xml) {
        XmlReader in = XmlReader.of(xml, 315);
        Element client = in.child(in.root(), "Client");
        return new AllocationRequest(in.type(), Parts.readHeader(in), Parts.readClient(in, client),
                in.optText(client, "GezagsdragerBekend"), in.optText(client, "Commentaar"),
                in.children(in.child(client, "AangevraagdeProducten"), "AangevraagdProduct").stream()
                        .map(product -> read(in, product)).toList());
    }

    private static RequestedProduct read(XmlReader in, Element product) {
        Element referrer = in.child(product, "Verwijzer");
        return new RequestedProduct(in.text(product, "ReferentieAanbieder"), in.optNumber(product, "BeschikkingNummer"),
                Parts.readProduct(in, product), in.optDate(product, "BeschikkingIngangsdatum"),
                in.date(product, "ToewijzingIngangsdatum"), in.optDate(product, "ToewijzingEinddatum"),
                Parts.readExtent(in, product), in.optNumber(product, "Budget"),
                new Referrer(in.text(referrer, "Type"), in.optText(referrer, "Naam"),
                        in.optText(referrer, "ZorgverlenerCode")),
                in.optText(product, "Raamcontract"), in.optText(product, "Commentaar"));
    }

    public byte[] write(AllocationRequest message) {
        XmlWriter out = new XmlWriter(message.type());
        Parts.openHeader(out, message.header(), schemas.xsdVersion(message.type())).close();
        body(out, message, null);
        return Parts.checked(schemas, message.type(), out.finish());
    }

    /** The return message (316) for a received 315. */
    public byte[] writeReturn(AllocationRequest original, ReturnVerdict verdict) {
        verdict.requireLines(original.products().size());
        MessageType type = original.type().returnType();
        XmlWriter out = new XmlWriter(type);
        Parts.writeReturnHeader(out, schemas, original.type(), original.header(), verdict.id(), verdict.messageCodes());
        if (!verdict.rejectedAsWhole()) {
            body(out, original, verdict);
        }
        return Parts.checked(schemas, type, out.finish());
    }

    private static void body(XmlWriter out, AllocationRequest message, ReturnVerdict verdict) {
        out.open("Client");
        Parts.writeClient(out, message.client(), false)
                .leaf("GezagsdragerBekend", message.custodianKnown())
                .leaf("Commentaar", message.comment())
                .open("AangevraagdeProducten");
        for (int i = 0; i < message.products().size(); i++) {
            RequestedProduct product = message.products().get(i);
            out.open("AangevraagdProduct")
                    .leaf("ReferentieAanbieder", product.providerReference())
                    .leaf("BeschikkingNummer", product.decisionNumber());
            Parts.writeProduct(out, product.product())
                    .leaf("BeschikkingIngangsdatum", product.decisionStart())
                    .leaf("ToewijzingIngangsdatum", product.allocationStart())
                    .leaf("ToewijzingEinddatum", product.allocationEnd());
            Parts.writeExtent(out, product.extent())
                    .leaf("Budget", product.budgetCents())
                    .open("Verwijzer")
                    .base("Type", product.referrer().type())
                    .base("Naam", product.referrer().name())
                    .base("ZorgverlenerCode", product.referrer().careProviderCode())
                    .close()
                    .leaf("Raamcontract", product.frameworkContract())
                    .leaf("Commentaar", product.comment())
                    .returnCodes(verdict == null ? null : verdict.lineCodes().get(i))
                    .close();
        }
        out.close().returnCodes(verdict == null ? null : verdict.clientCodes()).close();
    }
}
