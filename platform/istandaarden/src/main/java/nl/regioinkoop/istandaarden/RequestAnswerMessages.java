package nl.regioinkoop.istandaarden;

import org.w3c.dom.Element;

/** Writes JW319/WMO319 (answer to a request for allocation or change) and reads them back. */
public final class RequestAnswerMessages {

    private final MessageSchemas schemas;

    public RequestAnswerMessages(MessageSchemas schemas) {
        this.schemas = schemas;
    }

    public byte[] write(RequestAnswer message) {
        XmlWriter out = new XmlWriter(message.type());
        Parts.openHeader(out, message.header(), schemas.xsdVersion(message.type())).close();
        out.open("Antwoord")
                .leaf("ReferentieAanbieder", message.providerReference())
                .leaf("VerzoekAntwoord", message.answer())
                .leaf("RedenAfwijzingVerzoek", message.rejectionReason());
        if (message.residenceMunicipality() != null) {
            out.open("Woonplaatsbeginsel").leaf("Gemeente", message.residenceMunicipality()).close();
        }
        out.close();
        return Parts.checked(schemas, message.type(), out.finish());
    }

    public RequestAnswer read(byte[] xml) {
        XmlReader in = XmlReader.of(xml, 319);
        Element answer = in.child(in.root(), "Antwoord");
        Element residence = in.optChild(answer, "Woonplaatsbeginsel");
        return new RequestAnswer(in.type(), Parts.readHeader(in), in.text(answer, "ReferentieAanbieder"),
                in.text(answer, "VerzoekAntwoord"), in.optText(answer, "RedenAfwijzingVerzoek"),
                residence == null ? null : in.text(residence, "Gemeente"));
    }
}
