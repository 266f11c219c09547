package nl.regioinkoop.istandaarden;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Navigates a parsed message. Readers expect a document that passed {@link MessageSchemas#validate}; a missing
 * required element or a malformed value still ends in an {@link InvalidMessageException}, never in a wrong record.
 */
final class XmlReader {

    private final MessageType type;
    private final Element root;

    private XmlReader(MessageType type, Element root) {
        this.type = type;
        this.root = root;
    }

    /**
     * Parses a message of the given family (e.g. 305) in either standard.
     *
     * @throws UnknownMessageTypeException if the document is another message
     */
    static XmlReader of(byte[] xml, int number) {
        MessageType type = MessageSchemas.detect(xml);
        if (type.number() != number) {
            throw new UnknownMessageTypeException("expected a JW" + number + " or WMO" + number + " message, got " + type);
        }
        Element root = SecureXml.parse(type, xml).getDocumentElement();
        if (!"Bericht".equals(root.getLocalName())) {
            throw invalid(type, "the root element must be Bericht, not " + root.getLocalName());
        }
        return new XmlReader(type, root);
    }

    MessageType type() {
        return type;
    }

    Element root() {
        return root;
    }

    Element child(Element parent, String name) {
        Element child = optChild(parent, name);
        if (child == null) {
            throw invalid(type, parent.getLocalName() + " lacks its required element " + name);
        }
        return child;
    }

    Element optChild(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Direct children of the message namespace or the basisschema namespace with this name, in document order. */
    List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && (type.namespace().equals(element.getNamespaceURI())
                    || type.standard().baseNamespace().equals(element.getNamespaceURI()))) {
                result.add(element);
            }
        }
        return result;
    }

    String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    String optText(Element parent, String name) {
        Element child = optChild(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    LocalDate date(Element parent, String name) {
        return parse(name, text(parent, name), LocalDate::parse);
    }

    LocalDate optDate(Element parent, String name) {
        String text = optText(parent, name);
        return text == null ? null : parse(name, text, LocalDate::parse);
    }

    LocalTime time(Element parent, String name) {
        return parse(name, text(parent, name), LocalTime::parse);
    }

    long number(Element parent, String name) {
        return parse(name, text(parent, name), Long::parseLong);
    }

    Long optNumber(Element parent, String name) {
        String text = optText(parent, name);
        return text == null ? null : parse(name, text, Long::parseLong);
    }

    List<String> returnCodes(Element parent) {
        return children(optChild(parent, "RetourCodes"), "RetourCode").stream()
                .map(e -> e.getTextContent().trim()).toList();
    }

    private <T> T parse(String name, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            // the value is not echoed: it may be personal data
            throw invalid(type, name + " has a malformed value");
        }
    }

    private static InvalidMessageException invalid(MessageType type, String message) {
        return new InvalidMessageException(type, List.of(new Violation(-1, -1, message)));
    }
}
