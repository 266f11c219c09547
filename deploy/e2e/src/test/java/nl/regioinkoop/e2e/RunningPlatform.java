package nl.regioinkoop.e2e;

import nl.regioinkoop.local.ServiceProcesses;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.EmbeddedKafka;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The four services as processes of their own, from their built jars, on this JVM's real PostgreSQL and Kafka
 * (see {@link Infra}): started once per test JVM and shared by the end-to-end, scenario and fault tests. Each
 * service gets a free port and its own database, which it connects to as its own role; the module's tests run with
 * {@code TEST_KAFKA_SECURITY=sasl_ssl} (its pom), so every service reaches the broker over TLS with a SCRAM login. The databases are named per JVM run so a rerun starts clean.
 */
public final class RunningPlatform {
    private static RunningPlatform instance;

    public final ServiceProcesses processes;
    public final Tokens tokens = new Tokens(Tokens.LOCAL_SECRET);
    public final Api access;
    public final Api contracting;
    public final Api provider;
    public final Api monitoring;

    private RunningPlatform(ServiceProcesses processes) {
        this.processes = processes;
        this.access = new Api(processes.service("access").url());
        this.contracting = new Api(processes.service("contracting").url());
        this.provider = new Api(processes.service("provider").url());
        this.monitoring = new Api(processes.service("monitoring").url());
    }

    public static synchronized RunningPlatform get() {
        if (instance == null) {
            try {
                Infra.Pg pg = Infra.postgres();
                List<ServiceProcesses.Service> services = List.of(
                        new ServiceProcesses.Service("access-service", "e2e_access", EmbeddedKafka.freePort()),
                        new ServiceProcesses.Service("contracting-service", "e2e_contracting", EmbeddedKafka.freePort()),
                        new ServiceProcesses.Service("provider-service", "e2e_provider", EmbeddedKafka.freePort()),
                        new ServiceProcesses.Service("monitoring-service", "e2e_monitoring", EmbeddedKafka.freePort()));
                Path repository = Path.of("../..").toAbsolutePath().normalize();
                ServiceProcesses processes = new ServiceProcesses(repository,
                        Path.of("target", "service-logs").toAbsolutePath(), services,
                        new ServiceProcesses.Infrastructure(pg.adminUrl(), pg.user(), pg.password(), Infra.kafka(),
                                Tokens.LOCAL_SECRET), Map.of("SERVICE_HEAP", "320m",
                        // the services accept the test JVM's OIDC server's tokens too, as in the local run
                        "OIDC_ISSUER", Infra.oidc().issuer(), "OIDC_JWKS_URL", Infra.oidc().jwksUrl()));
                long started = System.nanoTime();
                processes.startAll();
                System.out.printf("PLATFORM four services up in %d ms (logs in target/service-logs)%n",
                        (System.nanoTime() - started) / 1_000_000);
                Runtime.getRuntime().addShutdownHook(new Thread(processes::close));
                instance = new RunningPlatform(processes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("the platform did not start", e);
            }
        }
        return instance;
    }

    /** Database names of the services are prefixed, e.g. {@code e2e_access}. */
    public static String database(String service) {
        return "e2e_" + service;
    }
}
