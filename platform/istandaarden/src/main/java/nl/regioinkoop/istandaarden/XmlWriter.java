package nl.regioinkoop.istandaarden;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes one message: elements of the message namespace and of its basisschema, indented with tabs like the standard's examples. */
final class XmlWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MessageType type;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter out;
    private int depth;

    XmlWriter(MessageType type) {
        this.type = type;
        try {
            out = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            out.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            out.writeCharacters("\n");
            out.writeStartElement(type.prefix(), "Bericht", type.namespace());
            out.writeNamespace(type.standard().basePrefix(), type.standard().baseNamespace());
            out.writeNamespace(type.prefix(), type.namespace());
            depth = 1;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    MessageType type() {
        return type;
    }

    XmlWriter open(String name) {
        return start(type.prefix(), type.namespace(), name);
    }

    XmlWriter openBase(String name) {
        return start(type.standard().basePrefix(), type.standard().baseNamespace(), name);
    }

    XmlWriter close() {
        try {
            depth--;
            indent();
            out.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A simple element of the message namespace; nothing is written for a null value. */
    XmlWriter leaf(String name, Object value) {
        return value == null ? this : text(type.prefix(), type.namespace(), name, value);
    }

    /** A simple element of the basisschema namespace; nothing is written for a null value. */
    XmlWriter base(String name, Object value) {
        return value == null ? this : text(type.standard().basePrefix(), type.standard().baseNamespace(), name, value);
    }

    /** RetourCodes with one RetourCode per code; nothing for an empty list (where the schema allows that). */
    XmlWriter returnCodes(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return this;
        }
        open("RetourCodes");
        codes.forEach(code -> leaf("RetourCode", code));
        return close();
    }

    byte[] finish() {
        try {
            out.writeEndElement();
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private XmlWriter start(String prefix, String namespace, String name) {
        try {
            indent();
            out.writeStartElement(prefix, name, namespace);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private XmlWriter text(String prefix, String namespace, String name, Object value) {
        try {
            indent();
            out.writeStartElement(prefix, name, namespace);
            out.writeCharacters(value instanceof LocalTime time ? TIME.format(time) : value.toString());
            out.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void indent() throws XMLStreamException {
        out.writeCharacters("\n" + "\t".repeat(depth));
    }
}
