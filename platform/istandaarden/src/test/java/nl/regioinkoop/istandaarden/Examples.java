package nl.regioinkoop.istandaarden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standard's schemas and example messages, read where they live: {@code ../shared/istandaarden} beside the
 * repository (from this module: {@code ../../../shared/istandaarden}), or where {@code ISTANDAARDEN_DIR} points.
 * If they are absent the tests fail, saying so: passing without them would prove nothing.
 */
final class Examples {

    static final Path DIRECTORY = MessageSchemas.directory(Path.of("../../../shared/istandaarden")).toAbsolutePath().normalize();
    private static MessageSchemas schemas;

    private Examples() {
    }

    static synchronized MessageSchemas schemas() {
        if (schemas == null) {
            if (!Files.isDirectory(DIRECTORY.resolve("ijw-3.2")) || !Files.isDirectory(DIRECTORY.resolve("iwmo-3.2"))) {
                throw new AssertionError("The iStandaarden 3.2 schemas and examples are missing: expected "
                        + DIRECTORY + " with ijw-3.2/ and iwmo-3.2/. Put the shared directory beside the checkout "
                        + "or set ISTANDAARDEN_DIR (system property or environment variable).");
            }
            schemas = new MessageSchemas(DIRECTORY);
        }
        return schemas;
    }

    /** The example message of a type, e.g. {@code ijw-3.2/JW305.xml}. */
    static byte[] example(MessageType type) {
        schemas();
        try {
            return Files.readAllBytes(DIRECTORY.resolve(type.standard().directory()).resolve(type.name() + ".xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasExample(MessageType type) {
        return Files.isRegularFile(DIRECTORY.resolve(type.standard().directory()).resolve(type.name() + ".xml"));
    }
}
