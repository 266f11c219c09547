package nl.regioinkoop.istandaarden;

import org.w3c.dom.Element;

/** Reads JW307/WMO307 (stop of care), writes them (for tests and tools) and answers them with JW308/WMO308. */
public final class StopOfCareMessages {

    private final MessageSchemas schemas;

    public StopOfCareMessages(MessageSchemas schemas) {
        this.schemas = schemas;
    }

    public StopOfCare read(byte[] xml) {
        XmlReader in = XmlReader.of(xml, 307);
        Element client = in.child(in.root(), "Client");
        return new StopOfCare(in.type(), Parts.readHeader(in), Parts.readClient(in, client),
                in.children(in.child(client, "StopProducten"), "StopProduct").stream()
                        .map(product -> new StoppedProduct(in.optNumber(product, "ToewijzingNummer"),
                                Parts.readProduct(in, product), in.optDate(product, "ToewijzingIngangsdatum"),
                                in.date(product, "Begindatum"), in.text(product, "RedenBeeindiging"),
                                in.date(product, "Einddatum"), in.text(product, "StatusAanlevering")))
                        .toList());
    }

    public byte[] write(StopOfCare message) {
        XmlWriter out = new XmlWriter(message.type());
        Parts.openHeader(out, message.header(), schemas.xsdVersion(message.type())).close();
        body(out, message, null);
        return Parts.checked(schemas, message.type(), out.finish());
    }

    /** The return message (308) for a received 307. */
    public byte[] writeReturn(StopOfCare original, ReturnVerdict verdict) {
        verdict.requireLines(original.products().size());
        MessageType type = original.type().returnType();
        XmlWriter out = new XmlWriter(type);
        Parts.writeReturnHeader(out, schemas, original.type(), original.header(), verdict.id(), verdict.messageCodes());
        if (!verdict.rejectedAsWhole()) {
            body(out, original, verdict);
        }
        return Parts.checked(schemas, type, out.finish());
    }

    private static void body(XmlWriter out, StopOfCare message, ReturnVerdict verdict) {
        out.open("Client");
        Parts.writeClient(out, message.client(), false);
        out.open("StopProducten");
        for (int i = 0; i < message.products().size(); i++) {
            StoppedProduct product = message.products().get(i);
            out.open("StopProduct").leaf("ToewijzingNummer", product.allocationNumber());
            Parts.writeProduct(out, product.product())
                    .leaf("ToewijzingIngangsdatum", product.allocationStart())
                    .leaf("Begindatum", product.startDate())
                    .leaf("RedenBeeindiging", product.reason())
                    .leaf("Einddatum", product.endDate())
                    .leaf("StatusAanlevering", product.deliveryStatus())
                    .returnCodes(verdict == null ? null : verdict.lineCodes().get(i))
                    .close();
        }
        out.close().returnCodes(verdict == null ? null : verdict.clientCodes()).close();
    }
}
