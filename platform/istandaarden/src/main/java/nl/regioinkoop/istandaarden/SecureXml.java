package nl.regioinkoop.istandaarden;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Parsers hardened against XXE and entity expansion: messages come from outside, so no DOCTYPE is accepted and
 * nothing external is ever fetched. Factories are created per call because they are not thread-safe.
 */
final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private SecureXml() {
    }

    static XMLReader saxReader() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot configure a secure XML parser", e);
        }
    }

    private static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot configure a secure XML parser", e);
        }
    }

    /** Parses an incoming message; a document that is not well-formed becomes an {@link InvalidMessageException}. */
    static Document parse(MessageType expected, byte[] xml) {
        try {
            return documentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new InvalidMessageException(expected, java.util.List.of(
                    new Violation(e.getLineNumber(), e.getColumnNumber(), e.getMessage())));
        } catch (SAXException | IOException e) {
            throw new InvalidMessageException(expected, java.util.List.of(new Violation(-1, -1, e.getMessage())));
        }
    }

    /** Parses one of our own trusted files (an XSD). */
    static Document parseFile(Path file) {
        try {
            return documentBuilder().parse(file.toFile());
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The namespace of the root element, read without processing anything else of the document. */
    static String rootNamespace(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new UnknownMessageTypeException("a DOCTYPE is not allowed in an iStandaarden message");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String namespace = reader.getNamespaceURI();
                        return namespace == null ? "" : namespace;
                    }
                }
                throw new UnknownMessageTypeException("the document has no root element");
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new UnknownMessageTypeException("not a well-formed XML document: " + e.getMessage().replace('\n', ' '));
        }
    }
}
