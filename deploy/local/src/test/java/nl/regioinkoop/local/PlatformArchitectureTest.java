package nl.regioinkoop.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tree shows the architecture: a service depends on platform code and on other services' published events,
 * never on another service's code; platform code depends on no service. Reads the compiled classes of the reactor.
 */
class PlatformArchitectureTest {
    private static final List<String> SERVICES = List.of("access", "contracting", "provider", "monitoring");
    private static JavaClasses classes;

    @BeforeAll
    static void importTheReactor() {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        List<Path> compiled = List.of(
                root.resolve("platform/events/target/classes"), root.resolve("platform/kit/target/classes"),
                root.resolve("platform/web/target/classes"),
                root.resolve("access-service/target/classes"), root.resolve("contracting-service/target/classes"),
                root.resolve("provider-service/target/classes"), root.resolve("monitoring-service/target/classes"));
        for (Path path : compiled) {
            assertTrue(Files.isDirectory(path), path + " is compiled (run from the reactor)");
        }
        classes = importer.importPaths(compiled);
    }

    @Test
    void servicesDependOnlyOnPlatformAndPublishedEvents() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (!service.equals(other)) {
                    noClasses().that().resideInAPackage("nl.regioinkoop." + service + "..")
                            .should().dependOnClassesThat().resideInAPackage("nl.regioinkoop." + other + "..")
                            .because(service + "-service talks to " + other + "-service over Kafka only")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void platformDependsOnNoService() {
        for (String service : SERVICES) {
            noClasses().that().resideInAnyPackage("nl.regioinkoop.kit..", "nl.regioinkoop.events..",
                            "nl.regioinkoop.web..")
                    .should().dependOnClassesThat().resideInAPackage("nl.regioinkoop." + service + "..")
                    .check(classes);
        }
    }

    @Test
    void eventsAreRecordsNamedInThePastTense() {
        noClasses().that().resideInAPackage("nl.regioinkoop.events..")
                .and().haveSimpleNameEndingWith("Event")
                .should().beRecords()
                .because("events are named for what happened (AllocationIssued), not with an Event suffix")
                .check(classes);
    }
}
