package nl.regioinkoop.istandaarden;

import org.w3c.dom.Element;

/** Reads JW305/WMO305 (start of care), writes them (for tests and tools) and answers them with JW306/WMO306. */
public final class StartOfCareMessages {

    private final MessageSchemas schemas;

    public StartOfCareMessages(MessageSchemas schemas) {
        this.schemas = schemas;
    }

    public StartOfCare read(byte[] xml) {
        XmlReader in = XmlReader.of(xml, 305);
        Element client = in.child(in.root(), "Client");
        return new StartOfCare(in.type(), Parts.readHeader(in), Parts.readClient(in, client),
                in.children(in.child(client, "StartProducten"), "StartProduct").stream()
                        .map(product -> new StartedProduct(in.optNumber(product, "ToewijzingNummer"),
                                Parts.readProduct(in, product), in.optDate(product, "ToewijzingIngangsdatum"),
                                in.date(product, "Begindatum"), in.text(product, "StatusAanlevering")))
                        .toList());
    }

    public byte[] write(StartOfCare message) {
        XmlWriter out = new XmlWriter(message.type());
        Parts.openHeader(out, message.header(), schemas.xsdVersion(message.type())).close();
        body(out, message, null);
        return Parts.checked(schemas, message.type(), out.finish());
    }

    /** The return message (306) for a received 305. */
    public byte[] writeReturn(StartOfCare original, ReturnVerdict verdict) {
        verdict.requireLines(original.products().size());
        MessageType type = original.type().returnType();
        XmlWriter out = new XmlWriter(type);
        Parts.writeReturnHeader(out, schemas, original.type(), original.header(), verdict.id(), verdict.messageCodes());
        if (!verdict.rejectedAsWhole()) {
            body(out, original, verdict);
        }
        return Parts.checked(schemas, type, out.finish());
    }

    private static void body(XmlWriter out, StartOfCare message, ReturnVerdict verdict) {
        out.open("Client");
        Parts.writeClient(out, message.client(), false);
        out.open("StartProducten");
        for (int i = 0; i < message.products().size(); i++) {
            StartedProduct product = message.products().get(i);
            out.open("StartProduct").leaf("ToewijzingNummer", product.allocationNumber());
            Parts.writeProduct(out, product.product())
                    .leaf("ToewijzingIngangsdatum", product.allocationStart())
                    .leaf("Begindatum", product.startDate())
                    .leaf("StatusAanlevering", product.deliveryStatus())
                    .returnCodes(verdict == null ? null : verdict.lineCodes().get(i))
                    .close();
        }
        out.close().returnCodes(verdict == null ? null : verdict.clientCodes()).close();
    }
}
