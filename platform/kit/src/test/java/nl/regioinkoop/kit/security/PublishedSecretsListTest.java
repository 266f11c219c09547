package nl.regioinkoop.kit.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code published-secrets.txt} whole: every value the repository assigns to a key or secret (a yml default
 * {@code ${JWT_SECRET:...}}, compose's {@code ${JWT_SECRET:-...}}, the Kubernetes example's {@code JWT_SECRET=...},
 * a Java constant or a {@code new Tokens("...")}) must be on the list, so no service takes it outside the local run.
 */
class PublishedSecretsListTest {
    private static final String NAMES = "JWT_SECRET|PSEUDONYM_KEY|CSRF_KEY|OIDC_CLIENT_SECRET";
    private static final Pattern ASSIGNED = Pattern.compile("(?:" + NAMES + ")(?:\\s*[:=]-?\\s*|:)\"?([A-Za-z0-9][^\\s\"}$`]{5,})");
    private static final Pattern IN_JAVA = Pattern.compile(
            "(?:LOCAL_SECRET|CLIENT_SECRET)\\s*=\\s*\"([A-Za-z0-9][^\"]+)\"|new Tokens\\(\"([A-Za-z0-9][^\"]+)\"\\)");

    @Test
    void everySecretWrittenInTheRepositoryIsOnTheList() throws IOException {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("platform")),
                "the reactor root: " + root);
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(PublishedSecretsListTest::scanned).toList()) {
                String text;
                try {
                    text = Files.readString(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                Matcher m = ASSIGNED.matcher(text);
                while (m.find()) {
                    found.add(m.group(1));
                }
                Matcher j = IN_JAVA.matcher(text);
                while (j.find()) {
                    found.add(j.group(1) != null ? j.group(1) : j.group(2));
                }
            }
        }
        assertTrue(found.contains("regio-inkoop-local-secret-change-me-in-production-0123456789"),
                "the scan finds the shipped default: " + found);
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(PublishedSecretsCheck.published());
        assertEquals(Set.of(), missing, "published in the repository but missing from published-secrets.txt");
    }

    private static boolean scanned(Path file) {
        String path = file.toString();
        if (path.contains("/target/") || path.contains("/.git/") || path.contains("/node_modules/")
                || path.contains("/.local/")) {
            return false;
        }
        return path.endsWith(".yml") || path.endsWith(".yaml") || path.endsWith(".java") || path.endsWith(".sh")
                || path.endsWith(".env") || path.endsWith(".md") || path.endsWith(".properties");
    }
}
