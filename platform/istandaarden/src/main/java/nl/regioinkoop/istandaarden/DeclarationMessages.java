package nl.regioinkoop.istandaarden;

import java.util.List;
import org.w3c.dom.Element;

/** Reads JW323/WMO323 (declaration), writes them (for tests and tools) and answers them with JW325/WMO325. */
public final class DeclarationMessages {

    private static final String DEBIT = "D";
    private static final String CREDIT = "C";

    private final MessageSchemas schemas;

    public DeclarationMessages(MessageSchemas schemas) {
        this.schemas = schemas;
    }

    public DeclarationMessage read(byte[] xml) {
        XmlReader in = XmlReader.of(xml, 323);
        Element declaration = in.child(in.root(), "Declaratie");
        Element period = in.child(declaration, "DeclaratiePeriode");
        Element total = in.child(declaration, "TotaalIngediendBedrag");
        return new DeclarationMessage(in.type(), Parts.readHeader(in), in.text(declaration, "DeclaratieNummer"),
                in.date(period, "Begindatum"), in.date(period, "Einddatum"),
                in.date(declaration, "DeclaratieDagtekening"),
                signed(in.number(total, "TotaalBedrag"), in.text(total, "DebetCredit")),
                in.children(in.child(declaration, "Clienten"), "Client").stream()
                        .map(client -> new DeclaredClient(in.text(client, "Bsn"),
                                in.children(in.child(client, "Prestaties"), "Prestatie").stream()
                                        .map(line -> line(in, line)).toList()))
                        .toList());
    }

    private static DeclarationLine line(XmlReader in, Element line) {
        Element reference = in.child(line, "ProductReferentie");
        Element period = in.child(line, "ProductPeriode");
        Element amount = in.child(line, "IngediendBedrag");
        return new DeclarationLine(in.text(reference, "ReferentieNummer"), in.optText(reference, "VorigReferentieNummer"),
                in.number(line, "ToewijzingNummer"),
                new Product(in.text(line, "ProductCategorie"), in.text(line, "ProductCode")),
                in.date(period, "Begindatum"), in.date(period, "Einddatum"),
                in.number(line, "GeleverdVolume"), in.text(line, "Eenheid"), in.optNumber(line, "ProductTarief"),
                signed(in.number(amount, "Bedrag"), in.text(amount, "DebetCredit")));
    }

    public byte[] write(DeclarationMessage message) {
        XmlWriter out = new XmlWriter(message.type());
        Parts.openHeader(out, message.header(), schemas.xsdVersion(message.type())).close();
        out.open("Declaratie")
                .leaf("DeclaratieNummer", message.number())
                .open("DeclaratiePeriode")
                .base("Begindatum", message.periodStart()).base("Einddatum", message.periodEnd())
                .close()
                .leaf("DeclaratieDagtekening", message.dated());
        total(out, "TotaalIngediendBedrag", message.totalCents());
        clients(out, message, null);
        out.close();
        return Parts.checked(schemas, message.type(), out.finish());
    }

    /** The answer (325) to a received 323. */
    public byte[] writeAnswer(DeclarationAnswer answer) {
        DeclarationMessage declaration = answer.declaration();
        MessageType type = declaration.type().returnType();
        XmlWriter out = new XmlWriter(type);
        Parts.openHeader(out, answer.header(), schemas.xsdVersion(type));
        Parts.identification(out, "DeclaratieIdentificatie", declaration.header().messageId(),
                declaration.header().messageDate());
        Parts.xsdVersion(out, "XsdVersieDeclaratie", declaration.header().xsdVersion() == null
                        ? schemas.xsdVersion(declaration.type()) : declaration.header().xsdVersion())
                .returnCodes(List.of(ReturnCodes.NO_REMARK))
                .close()
                .open("DeclaratieAntwoord")
                .leaf("DeclaratieNummer", declaration.number());
        total(out, "TotaalIngediendBedrag", declaration.totalCents());
        total(out, "TotaalToegekendBedrag", answer.grantedCents());
        if (answer.lineCodes() != null) {
            clients(out, declaration, answer.lineCodes());
        }
        out.returnCodes(answer.declarationCodes()).close();
        return Parts.checked(schemas, type, out.finish());
    }

    private static void clients(XmlWriter out, DeclarationMessage message, List<List<String>> lineCodes) {
        int index = 0;
        out.open("Clienten");
        for (DeclaredClient client : message.clients()) {
            out.open("Client").leaf("Bsn", client.bsn()).open("Prestaties");
            for (DeclarationLine line : client.lines()) {
                out.open("Prestatie")
                        .open("ProductReferentie")
                        .base("ReferentieNummer", line.reference())
                        .base("VorigReferentieNummer", line.previousReference())
                        .close()
                        .leaf("ToewijzingNummer", line.allocationNumber())
                        .leaf("ProductCategorie", line.product().category())
                        .leaf("ProductCode", line.product().code())
                        .open("ProductPeriode")
                        .base("Begindatum", line.periodStart()).base("Einddatum", line.periodEnd())
                        .close()
                        .leaf("GeleverdVolume", line.volume())
                        .leaf("Eenheid", line.unit())
                        .leaf("ProductTarief", line.tariffCents())
                        .open("IngediendBedrag")
                        .base("Bedrag", Math.abs(line.amountCents()))
                        .base("DebetCredit", line.amountCents() < 0 ? CREDIT : DEBIT)
                        .close()
                        .returnCodes(lineCodes == null ? null : lineCodes.get(index++))
                        .close();
            }
            out.close().returnCodes(lineCodes == null ? null : List.of(ReturnCodes.NO_REMARK)).close();
        }
        out.close();
    }

    private static void total(XmlWriter out, String element, long cents) {
        out.open(element).base("TotaalBedrag", Math.abs(cents)).base("DebetCredit", cents < 0 ? CREDIT : DEBIT).close();
    }

    private static long signed(long cents, String debitCredit) {
        return CREDIT.equals(debitCredit) ? -cents : cents;
    }
}
