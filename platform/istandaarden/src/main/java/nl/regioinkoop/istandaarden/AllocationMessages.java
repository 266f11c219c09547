package nl.regioinkoop.istandaarden;

import org.w3c.dom.Element;

/** Writes JW301/WMO301 (allocation) for a provider, and reads them back (for tests and for providers' tools). */
public final class AllocationMessages {

    private final MessageSchemas schemas;

    public AllocationMessages(MessageSchemas schemas) {
        this.schemas = schemas;
    }

    public byte[] write(AllocationMessage message) {
        XmlWriter out = new XmlWriter(message.type());
        Parts.openHeader(out, message.header(), schemas.xsdVersion(message.type())).close();
        out.open("Client");
        Parts.writeClient(out, message.client(), true).open("Contactgegevens");
        for (Contact contact : message.contacts()) {
            out.open("Contact").leaf("Soort", contact.kind());
            Address address = contact.address();
            if (address != null) {
                out.open("Adres");
                if (address.houseNumber() != null) {
                    out.openBase("Huis")
                            .base("Huisnummer", address.houseNumber())
                            .base("Huisletter", address.houseLetter())
                            .base("HuisnummerToevoeging", address.houseNumberAddition())
                            .close();
                }
                out.base("Postcode", address.postcode())
                        .base("Straatnaam", address.street())
                        .base("Plaatsnaam", address.city())
                        .base("LandCode", address.countryCode())
                        .close();
            }
            out.close();
        }
        out.close().open("ToegewezenProducten");
        for (AllocatedProduct product : message.products()) {
            out.open("ToegewezenProduct")
                    .leaf("ToewijzingNummer", product.allocationNumber())
                    .leaf("ReferentieAanbieder", product.providerReference());
            Parts.writeProduct(out, product.product())
                    .leaf("Toewijzingsdatum", product.allocationDate())
                    .leaf("Toewijzingstijd", product.allocationTime())
                    .leaf("Ingangsdatum", product.startDate())
                    .leaf("Einddatum", product.endDate())
                    .leaf("RedenWijziging", product.changeReason());
            Parts.writeExtent(out, product.extent())
                    .leaf("Budget", product.budgetCents())
                    .leaf("Commentaar", product.comment())
                    .close();
        }
        out.close().close();
        return Parts.checked(schemas, message.type(), out.finish());
    }

    public AllocationMessage read(byte[] xml) {
        XmlReader in = XmlReader.of(xml, 301);
        Element client = in.child(in.root(), "Client");
        return new AllocationMessage(in.type(), Parts.readHeader(in), Parts.readClient(in, client),
                in.children(in.child(client, "Contactgegevens"), "Contact").stream()
                        .map(contact -> new Contact(in.text(contact, "Soort"), address(in, in.optChild(contact, "Adres"))))
                        .toList(),
                in.children(in.child(client, "ToegewezenProducten"), "ToegewezenProduct").stream()
                        .map(product -> new AllocatedProduct(in.number(product, "ToewijzingNummer"),
                                in.optText(product, "ReferentieAanbieder"), Parts.readProduct(in, product),
                                in.date(product, "Toewijzingsdatum"), in.time(product, "Toewijzingstijd"),
                                in.date(product, "Ingangsdatum"), in.optDate(product, "Einddatum"),
                                in.optText(product, "RedenWijziging"), Parts.readExtent(in, product),
                                in.optNumber(product, "Budget"), in.optText(product, "Commentaar")))
                        .toList());
    }

    private static Address address(XmlReader in, Element address) {
        if (address == null) {
            return null;
        }
        Element house = in.optChild(address, "Huis");
        return new Address(house == null ? null : Math.toIntExact(in.number(house, "Huisnummer")),
                house == null ? null : in.optText(house, "Huisletter"),
                house == null ? null : in.optText(house, "HuisnummerToevoeging"),
                in.optText(address, "Postcode"), in.optText(address, "Straatnaam"), in.optText(address, "Plaatsnaam"),
                in.optText(address, "LandCode"));
    }
}
