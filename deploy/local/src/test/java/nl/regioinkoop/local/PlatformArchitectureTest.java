package nl.regioinkoop.local;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
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
                root.resolve("platform/web/target/classes"), root.resolve("platform/istandaarden/target/classes"),
                root.resolve("platform/testkit/target/classes"),
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
    void eventsDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("nl.regioinkoop.events..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.regioinkoop.kit..", "nl.regioinkoop.web..",
                        "nl.regioinkoop.istandaarden..", "nl.regioinkoop.testkit..", "nl.regioinkoop.local..",
                        "nl.regioinkoop.bench..", "nl.regioinkoop.e2e..")
                .because("platform/events is the published language every service reads: nothing of ours beneath it")
                .check(classes);
    }

    @Test
    void istandaardenStandsOnItsOwn() {
        noClasses().that().resideInAPackage("nl.regioinkoop.istandaarden..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackagesAnd("nl.regioinkoop.web..",
                        "nl.regioinkoop.testkit..", "nl.regioinkoop.local..", "nl.regioinkoop.bench.."))
                .because("the iJw/iWmo messages are read and written the same for every service that takes them")
                .check(classes);
    }

    @Test
    void mainCodeUsesNeitherTheTestkitNorDeploy() {
        noClasses().that().resideOutsideOfPackages("nl.regioinkoop.testkit..", "nl.regioinkoop.local..",
                        "nl.regioinkoop.bench..", "nl.regioinkoop.e2e..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.regioinkoop.testkit..",
                        "nl.regioinkoop.local..", "nl.regioinkoop.bench..", "nl.regioinkoop.e2e..")
                .because("what runs in production is built from the services and platform/ alone")
                .check(classes);
    }

    @Test
    void featurePackagesOfAServiceHaveNoCycles() {
        for (String service : SERVICES) {
            // a screen composes features (a resident's page shows referrals, allocations, the family plan): the
            // screens may reach across, the features beneath them may not
            slices().matching("nl.regioinkoop." + service + ".(*)..").should().beFreeOfCycles()
                    .ignoreDependency(SCREENS, DescribedPredicate.alwaysTrue())
                    .because("a feature of " + service + "-service is understood (and moved) without the others")
                    .check(classes);
        }
    }

    @Test
    void controllersLeaveSqlToRepositories() {
        noClasses().that(CONTROLLERS_AND_THEIR_NESTED_CLASSES)
                .should().dependOnClassesThat(SQL)
                .because("a controller binds and answers HTTP; queries live in the feature's repository or query class,"
                        + " in a file of its own")
                .check(classes);
    }

    /** A screen's controller (and Micronaut's generated classes of it). */
    private static final DescribedPredicate<JavaClass> SCREENS = new DescribedPredicate<>("screens") {
        @Override
        public boolean test(JavaClass c) {
            return c.getName().matches(".*\\.\\$?\\w*Screen(\\$.*)?");
        }
    };

    /** A controller, or a class written inside a controller's file. */
    private static final DescribedPredicate<JavaClass> CONTROLLERS_AND_THEIR_NESTED_CLASSES =
            new DescribedPredicate<>("controllers and the classes nested in them") {
                @Override
                public boolean test(JavaClass c) {
                    for (JavaClass at = c; at != null; at = at.getEnclosingClass().orElse(null)) {
                        if (at.isAnnotatedWith("io.micronaut.http.annotation.Controller")) {
                            return true;
                        }
                    }
                    return false;
                }
            };

    /** JDBC itself, Micronaut's JDBC access, and the services' own SQL helpers. */
    private static final DescribedPredicate<JavaClass> SQL = new DescribedPredicate<>("SQL access") {
        @Override
        public boolean test(JavaClass c) {
            String name = c.getName();
            return name.startsWith("java.sql.") || name.startsWith("javax.sql.")
                    || name.equals("io.micronaut.data.jdbc.runtime.JdbcOperations")
                    || name.equals("io.micronaut.jdbc.runtime.JdbcOperations")
                    || name.matches("nl\\.regioinkoop\\.\\w+\\.(support|common)\\.Sql.*")
                    || name.matches("nl\\.regioinkoop\\.monitoring\\.sql\\..*");
        }
    };

    private static String[] servicePackagesAnd(String... others) {
        List<String> packages = new java.util.ArrayList<>();
        SERVICES.forEach(s -> packages.add("nl.regioinkoop." + s + ".."));
        packages.addAll(List.of(others));
        return packages.toArray(String[]::new);
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
