package nl.regioinkoop.provider.message;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import nl.regioinkoop.istandaarden.MessageSchemas;
import nl.regioinkoop.kit.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service's one {@link MessageSchemas}, from {@code istandaarden.schema-dir} (env {@code ISTANDAARDEN_DIR};
 * relative paths resolve against the working directory). The standard's XSDs are never copied into the project, so
 * the directory may be missing: the service then starts with a warning, looks again on each message, and answers 503.
 */
@Context
class Istandaarden {
    private static final Logger LOG = LoggerFactory.getLogger(Istandaarden.class);

    private final Path directory;
    private volatile MessageSchemas schemas;

    Istandaarden(@Value("${istandaarden.schema-dir:../shared/istandaarden}") String directory) {
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        if (Files.isDirectory(this.directory)) {
            schemas = new MessageSchemas(this.directory);
            LOG.info("iStandaarden schemas from {}", this.directory);
        } else {
            LOG.warn("iStandaarden schema directory {} does not exist: the message endpoints answer 503 until it does "
                    + "(set istandaarden.schema-dir or ISTANDAARDEN_DIR to the directory holding ijw-3.2 and iwmo-3.2)",
                    this.directory);
        }
    }

    /** @throws ProblemException 503 when the schema directory is absent */
    MessageSchemas schemas() {
        MessageSchemas current = schemas;
        if (current == null) {
            synchronized (this) {
                if (schemas == null && Files.isDirectory(directory)) {
                    schemas = new MessageSchemas(directory);
                }
                current = schemas;
            }
        }
        if (current == null) {
            // the path is for the operator's log, not for callers
            LOG.warn("iStandaarden schema directory {} does not exist: message refused with 503", directory);
            throw notConfigured("the schema directory does not exist");
        }
        return current;
    }

    static ProblemException notConfigured(String why) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "istandaarden-not-configured",
                "iStandaarden schemas are not configured", "iStandaarden schemas are not configured: " + why
                + ", so messages can be neither validated nor produced");
    }
}
