package nl.regioinkoop.istandaarden;

import java.util.List;
import org.w3c.dom.Element;

/** Reading and writing the parts all messages share: header, client, name, product, extent. */
final class Parts {

    /** BerichtVersie and BerichtSubversie of release 3.2. */
    private static final String VERSION = "3";
    private static final String SUBVERSION = "2";
    /** NaamGebruik 1: own name (the platform keeps no partner names). */
    static final String OWN_NAME = "1";

    private Parts() {
    }

    static Header readHeader(XmlReader in) {
        Element header = in.child(in.root(), "Header");
        return new Header(in.text(header, "Afzender"), in.text(header, "Ontvanger"),
                in.text(in.child(header, "BerichtIdentificatie"), "Identificatie"),
                in.date(in.child(header, "BerichtIdentificatie"), "Dagtekening"),
                readXsdVersion(in, in.child(header, "XsdVersie")));
    }

    static XsdVersion readXsdVersion(XmlReader in, Element element) {
        return new XsdVersion(in.text(element, "BasisschemaXsdVersie"), in.text(element, "BerichtXsdVersie"));
    }

    /** Opens Header and writes its common part; the caller adds type-specific elements and closes it. */
    static XmlWriter openHeader(XmlWriter out, Header header, XsdVersion schemaVersion) {
        out.open("Header")
                .leaf("BerichtCode", out.type().messageCode())
                .leaf("BerichtVersie", VERSION)
                .leaf("BerichtSubversie", SUBVERSION)
                .leaf("Afzender", header.sender())
                .leaf("Ontvanger", header.receiver());
        identification(out, "BerichtIdentificatie", header.messageId(), header.messageDate());
        return xsdVersion(out, "XsdVersie", header.xsdVersion() == null ? schemaVersion : header.xsdVersion());
    }

    /** The header of a return message: the original's header, then the return's own identification and codes. */
    static void writeReturnHeader(XmlWriter out, MessageSchemas schemas, MessageType originalType, Header original,
                                  ReturnId id, List<String> messageCodes) {
        openHeader(out, original, schemas.xsdVersion(originalType))
                .leaf("IdentificatieRetour", id.messageId())
                .leaf("DagtekeningRetour", id.messageDate());
        xsdVersion(out, "XsdVersieRetour", schemas.xsdVersion(out.type()))
                .returnCodes(messageCodes)
                .close();
    }

    static XmlWriter identification(XmlWriter out, String element, String id, java.time.LocalDate date) {
        return out.open(element).base("Identificatie", id).base("Dagtekening", date).close();
    }

    static XmlWriter xsdVersion(XmlWriter out, String element, XsdVersion version) {
        return out.open(element)
                .base("BasisschemaXsdVersie", version.basisschema())
                .base("BerichtXsdVersie", version.message())
                .close();
    }

    /** Bsn, Geboortedatum, Geslacht and Naam, as the client part of 305/307/315 (and 301, with a full name) has them. */
    static Client readClient(XmlReader in, Element client) {
        Element birth = in.child(client, "Geboortedatum");
        return new Client(in.text(client, "Bsn"), in.date(birth, "Datum"), in.optText(birth, "DatumGebruik"),
                in.text(client, "Geslacht"), readName(in, in.child(client, "Naam")));
    }

    static Name readName(XmlReader in, Element name) {
        Element surname = in.child(name, "Geslachtsnaam");
        return new Name(in.text(surname, "Achternaam"), in.optText(surname, "Voorvoegsel"),
                in.optText(name, "Voornamen"), in.optText(name, "Voorletters"));
    }

    static XmlWriter writeClient(XmlWriter out, Client client, boolean fullName) {
        out.leaf("Bsn", client.bsn())
                .open("Geboortedatum").base("Datum", client.birthDate()).base("DatumGebruik", client.birthDateUsage()).close()
                .leaf("Geslacht", client.gender())
                .open("Naam")
                .openBase("Geslachtsnaam")
                .base("Achternaam", client.name().surname())
                .base("Voorvoegsel", client.name().prefix())
                .close()
                .base("Voornamen", client.name().givenNames())
                .base("Voorletters", client.name().initials());
        if (fullName) {
            out.base("NaamGebruik", OWN_NAME);
        }
        return out.close();
    }

    static Product readProduct(XmlReader in, Element parent) {
        Element product = in.optChild(parent, "Product");
        return product == null ? null : new Product(in.text(product, "Categorie"), in.optText(product, "Code"));
    }

    static XmlWriter writeProduct(XmlWriter out, Product product) {
        if (product == null) {
            return out;
        }
        return out.open("Product").base("Categorie", product.category()).base("Code", product.code()).close();
    }

    static Extent readExtent(XmlReader in, Element parent) {
        Element extent = in.optChild(parent, "Omvang");
        return extent == null ? null
                : new Extent(in.number(extent, "Volume"), in.text(extent, "Eenheid"), in.text(extent, "Frequentie"));
    }

    static XmlWriter writeExtent(XmlWriter out, Extent extent) {
        if (extent == null) {
            return out;
        }
        return out.open("Omvang")
                .base("Volume", extent.volume())
                .base("Eenheid", extent.unit())
                .base("Frequentie", extent.frequency())
                .close();
    }

    /** Validates what a writer produced: the platform never hands out a message that breaks its schema. */
    static byte[] checked(MessageSchemas schemas, MessageType type, byte[] xml) {
        schemas.validate(type, xml).requireValid();
        return xml;
    }
}
