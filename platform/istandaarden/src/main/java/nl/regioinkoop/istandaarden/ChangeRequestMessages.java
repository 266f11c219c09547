package nl.regioinkoop.istandaarden;

import java.util.List;
import org.w3c.dom.Element;

/**
 * Reads JW317/WMO317 (request for change), writes them (for tests and tools) and answers them with the return
 * message JW318/WMO318. A refused request is answered with a 319 ({@link RequestAnswerMessages}); an accepted one
 * with a 301.
 */
public final class ChangeRequestMessages {

    private final MessageSchemas schemas;

    public ChangeRequestMessages(MessageSchemas schemas) {
        this.schemas = schemas;
    }

    public ChangeRequest read(byte[] xml) {
        XmlReader in = XmlReader.of(xml, 317);
        Element client = in.child(in.root(), "Client");
        Element request = in.child(client, "Verzoek");
        return new ChangeRequest(in.type(), Parts.readHeader(in), in.text(client, "Bsn"),
                in.text(request, "ReferentieAanbieder"), in.text(request, "RedenVerzoek"),
                in.children(in.optChild(request, "OngewijzigdeProducten"), "OngewijzigdProduct").stream()
                        .map(product -> in.number(product, "ToewijzingNummer")).toList(),
                in.children(in.optChild(request, "TeWijzigenProducten"), "TeWijzigenProduct").stream()
                        .map(product -> new ProductChange(in.number(product, "ToewijzingNummer"),
                                in.date(product, "GewensteIngangsdatum"), in.optDate(product, "Einddatum"),
                                Parts.readExtent(in, product), in.optNumber(product, "Budget")))
                        .toList(),
                in.children(in.optChild(request, "NieuweProducten"), "NieuwProduct").stream()
                        .map(product -> new NewProduct(Parts.readProduct(in, product),
                                in.date(product, "GewensteIngangsdatum"), in.optDate(product, "Einddatum"),
                                Parts.readExtent(in, product), in.optNumber(product, "Budget")))
                        .toList());
    }

    public byte[] write(ChangeRequest message) {
        XmlWriter out = new XmlWriter(message.type());
        Parts.openHeader(out, message.header(), schemas.xsdVersion(message.type())).close();
        body(out, message, null);
        return Parts.checked(schemas, message.type(), out.finish());
    }

    /** The return message (318) for a received 317; the verdict's lines are unchanged, changed, then new products. */
    public byte[] writeReturn(ChangeRequest original, ReturnVerdict verdict) {
        verdict.requireLines(original.lineCount());
        MessageType type = original.type().returnType();
        XmlWriter out = new XmlWriter(type);
        Parts.writeReturnHeader(out, schemas, original.type(), original.header(), verdict.id(), verdict.messageCodes());
        if (!verdict.rejectedAsWhole()) {
            body(out, original, verdict);
        }
        return Parts.checked(schemas, type, out.finish());
    }

    private static void body(XmlWriter out, ChangeRequest message, ReturnVerdict verdict) {
        int line = 0;
        out.open("Client").leaf("Bsn", message.bsn())
                .open("Verzoek")
                .leaf("ReferentieAanbieder", message.providerReference())
                .leaf("RedenVerzoek", message.reason());
        if (!message.unchangedAllocations().isEmpty()) {
            out.open("OngewijzigdeProducten");
            for (Long allocation : message.unchangedAllocations()) {
                out.open("OngewijzigdProduct").leaf("ToewijzingNummer", allocation)
                        .returnCodes(codes(verdict, line++)).close();
            }
            out.close();
        }
        if (!message.changes().isEmpty()) {
            out.open("TeWijzigenProducten");
            for (ProductChange change : message.changes()) {
                out.open("TeWijzigenProduct")
                        .leaf("ToewijzingNummer", change.allocationNumber())
                        .leaf("GewensteIngangsdatum", change.desiredStart())
                        .leaf("Einddatum", change.endDate());
                Parts.writeExtent(out, change.extent()).leaf("Budget", change.budgetCents())
                        .returnCodes(codes(verdict, line++)).close();
            }
            out.close();
        }
        if (!message.newProducts().isEmpty()) {
            out.open("NieuweProducten");
            for (NewProduct product : message.newProducts()) {
                out.open("NieuwProduct");
                Parts.writeProduct(out, product.product())
                        .leaf("GewensteIngangsdatum", product.desiredStart())
                        .leaf("Einddatum", product.endDate());
                Parts.writeExtent(out, product.extent()).leaf("Budget", product.budgetCents())
                        .returnCodes(codes(verdict, line++)).close();
            }
            out.close();
        }
        List<String> requestCodes = verdict == null ? null : verdict.clientCodes();
        out.returnCodes(requestCodes).close().returnCodes(requestCodes).close();
    }

    private static List<String> codes(ReturnVerdict verdict, int line) {
        return verdict == null ? null : verdict.lineCodes().get(line);
    }
}
