package nl.regioinkoop.access.message;

import nl.regioinkoop.istandaarden.MessageSchemas;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared iStandaarden 3.2 copy (schemas and example messages), which the project never copies: read from
 * {@code ISTANDAARDEN_DIR} or {@code ../../shared/istandaarden} beside the checkout. Absent, the tests fail.
 */
final class StandardFiles {
    private StandardFiles() {
    }

    static Path directory() {
        Path dir = MessageSchemas.directory(Path.of("../../shared/istandaarden")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("ijw-3.2")) || !Files.isDirectory(dir.resolve("iwmo-3.2"))) {
            throw new IllegalStateException("The iStandaarden 3.2 schemas and examples are missing: expected " + dir
                    + " with ijw-3.2/ and iwmo-3.2/ (the shared copy beside the checkout); set ISTANDAARDEN_DIR to "
                    + "where they are. The project does not copy them, so these tests cannot run without them.");
        }
        return dir;
    }

    static String example(String file) {
        String sub = file.startsWith("WMO") ? "iwmo-3.2" : "ijw-3.2";
        try {
            return Files.readString(directory().resolve(sub).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RetourCode values of each element named {@code line}, in document order. */
    static List<List<String>> returnCodes(String xml, String line) {
        List<List<String>> codes = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList lines = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagNameNS("*", line);
            for (int i = 0; i < lines.getLength(); i++) {
                List<String> own = new ArrayList<>();
                for (Node child = lines.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element e && "RetourCodes".equals(e.getLocalName())) {
                        NodeList list = e.getElementsByTagNameNS("*", "RetourCode");
                        for (int j = 0; j < list.getLength(); j++) {
                            own.add(list.item(j).getTextContent().trim());
                        }
                    }
                }
                codes.add(own);
            }
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + xml, e);
        }
        return codes;
    }

    /** The text of the first element with this local name. */
    static String text(String xml, String element) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagNameNS("*", element).item(0).getTextContent().trim();
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + xml, e);
        }
    }
}
