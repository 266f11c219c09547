package nl.regioinkoop.istandaarden;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates iJw and iWmo 3.2 messages against the standard's XSDs, read from a schema directory with the
 * sub-directories {@code ijw-3.2} and {@code iwmo-3.2} (the project does not copy the schemas). Each schema is
 * compiled once, on first use, and shared; one instance serves any number of threads.
 */
public final class MessageSchemas {

    /** System property and environment variable that override the schema directory. */
    public static final String DIRECTORY_OVERRIDE = "ISTANDAARDEN_DIR";

    private final Path directory;
    private final Map<MessageType, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<MessageType, XsdVersion> versions = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException if the directory does not exist */
    public MessageSchemas(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("iStandaarden schema directory " + directory.toAbsolutePath().normalize()
                    + " does not exist (expected sub-directories ijw-3.2 and iwmo-3.2; override with "
                    + DIRECTORY_OVERRIDE + ")");
        }
        this.directory = directory;
    }

    /**
     * The schema directory to use: the system property {@value #DIRECTORY_OVERRIDE}, else the environment variable of
     * that name, else {@code fallback}.
     */
    public static Path directory(Path fallback) {
        String configured = System.getProperty(DIRECTORY_OVERRIDE, System.getenv(DIRECTORY_OVERRIDE));
        return configured == null || configured.isBlank() ? fallback : Path.of(configured);
    }

    public Path directory() {
        return directory;
    }

    /** Whether this directory holds the XSD of the given type (iWmo 306/308/315/316/318/325 are absent in 3.2's copy). */
    public boolean hasSchema(MessageType type) {
        return Files.isRegularFile(schemaPath(type));
    }

    /**
     * The message type of a document, from the namespace of its root element.
     *
     * @throws UnknownMessageTypeException if it is not XML or not an iJw/iWmo 3.2 message
     */
    public static MessageType detect(byte[] xml) {
        String namespace = SecureXml.rootNamespace(xml);
        return MessageType.byNamespace(namespace).orElseThrow(() -> new UnknownMessageTypeException(
                "not an iJw or iWmo 3.2 message: root namespace '" + namespace
                        + "' (expected e.g. http://www.istandaarden.nl/ijw/3_2/jw305/schema)"));
    }

    /**
     * Validates a message against the XSD of the type its root namespace names.
     *
     * @throws UnknownMessageTypeException if the type cannot be determined
     * @throws SchemaMissingException if the type's XSD is not in the directory
     */
    public Validation validate(byte[] xml) {
        return validate(detect(xml), xml);
    }

    public Validation validate(String xml) {
        return validate(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Validates against the XSD of {@code type}, whatever the document's root says (the schema then reports it). */
    public Validation validate(MessageType type, byte[] xml) {
        Validator validator = schema(type).newValidator();
        List<Violation> violations = new ArrayList<>();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collector(violations));
            validator.validate(new SAXSource(SecureXml.saxReader(), new InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXParseException e) {
            if (violations.isEmpty()) {
                violations.add(violation(e));
            }
        } catch (SAXException e) {
            violations.add(new Violation(-1, -1, e.getMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read message", e);
        }
        return new Validation(type, violations);
    }

    /** The XsdVersie the platform writes into messages of this type: the versions declared in the XSD's appinfo. */
    public XsdVersion xsdVersion(MessageType type) {
        return versions.computeIfAbsent(type, t -> {
            Document xsd = SecureXml.parseFile(existingSchemaPath(t));
            return new XsdVersion(appinfo(xsd, t, "BasisschemaXsdVersie"), appinfo(xsd, t, "BerichtXsdVersie"));
        });
    }

    private static String appinfo(Document xsd, MessageType type, String name) {
        NodeList nodes = xsd.getElementsByTagNameNS(type.standard().baseNamespace(), name);
        if (nodes.getLength() == 0) {
            throw new IllegalStateException(type.schemaFile() + " declares no " + name);
        }
        return nodes.item(0).getTextContent().trim();
    }

    private Schema schema(MessageType type) {
        return schemas.computeIfAbsent(type, t -> {
            Path file = existingSchemaPath(t);
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                // the message XSD imports basisschema.xsd beside it: local files only, nothing from the network
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
                return factory.newSchema(file.toFile());
            } catch (SAXException e) {
                throw new IllegalStateException("cannot compile " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private Path existingSchemaPath(MessageType type) {
        Path file = schemaPath(type);
        if (!Files.isRegularFile(file)) {
            throw new SchemaMissingException(type, file);
        }
        return file;
    }

    private Path schemaPath(MessageType type) {
        return directory.resolve(type.standard().directory()).resolve(type.schemaFile());
    }

    private static Violation violation(SAXParseException e) {
        return new Violation(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    }

    private record Collector(List<Violation> violations) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a message invalid
        }

        @Override
        public void error(SAXParseException e) {
            violations.add(violation(e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            violations.add(violation(e));
            throw e;
        }
    }
}
