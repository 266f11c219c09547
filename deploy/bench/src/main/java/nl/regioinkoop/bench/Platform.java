package nl.regioinkoop.bench;

import nl.regioinkoop.local.ServiceProcesses;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.EmbeddedKafka;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform under test: this JVM's PostgreSQL and Kafka (embedded unless TEST_PG_URL / TEST_KAFKA_BOOTSTRAP
 * name running servers, see {@link Infra}) and the four services as processes from their built jars, on free ports
 * and fresh databases {@code bench_<service>}. The services are started one after the other, so each start-up time
 * is its own and not a share of four starting together.
 */
final class Platform implements AutoCloseable {
    private static final Pattern GENERATION = Pattern.compile("generation\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");
    private static final Pattern MICRONAUT_STARTUP = Pattern.compile("Startup completed in (\\d+)ms");

    final Infra.Pg pg;
    final String kafka;
    final Tokens tokens = new Tokens(Tokens.LOCAL_SECRET);
    final ServiceProcesses processes;
    final Path logs;
    final Map<String, Api> apis = new LinkedHashMap<>();

    /** Start-up per service: ms from launching {@code java -jar} to the first 200 on /health. */
    final Map<String, Long> startupMillis = new LinkedHashMap<>();
    /** Start-up per service as the service's own log reports it (Micronaut "Startup completed in"). */
    final Map<String, Long> micronautStartupMillis = new LinkedHashMap<>();

    private Platform(Infra.Pg pg, String kafka, ServiceProcesses processes, Path logs) {
        this.pg = pg;
        this.kafka = kafka;
        this.processes = processes;
        this.logs = logs;
    }

    static Platform start(Path repository, Options options) throws Exception {
        if (Infra.env("SERVICE_HEAP") == null) {
            System.setProperty("SERVICE_HEAP", options.text("service-heap"));
        }
        if (Infra.env("SERVICE_JIT") == null) {
            System.setProperty("SERVICE_JIT", options.text("service-jit"));
        }
        Infra.Pg pg = Infra.postgres();
        String kafka = Infra.kafkaBootstrapServers();
        List<ServiceProcesses.Service> services = new ArrayList<>();
        for (String module : List.of("access-service", "contracting-service", "provider-service", "monitoring-service")) {
            services.add(new ServiceProcesses.Service(module, "bench_" + module.replace("-service", ""),
                    EmbeddedKafka.freePort()));
        }
        for (String module : List.of("access-service", "contracting-service", "provider-service", "monitoring-service")) {
            awaitCompleteJar(repository.resolve(Path.of(module, "target", module + "-0.1.0-SNAPSHOT.jar")));
        }
        Path logs = options.path("logs");
        Files.createDirectories(logs);
        for (ServiceProcesses.Service service : services) {
            Files.deleteIfExists(logs.resolve(service.module() + ".log"));
            Infra.createServiceDatabase(pg, service.database()); // the service's own role owns it, as deployed
        }
        ServiceProcesses processes = new ServiceProcesses(repository, logs, services,
                new ServiceProcesses.Infrastructure(pg.adminUrl(), pg.user(), pg.password(), Infra.kafka(),
                        Tokens.LOCAL_SECRET),
                Map.of());
        Platform platform = new Platform(pg, kafka, processes, logs);
        Runtime.getRuntime().addShutdownHook(new Thread(processes::close));
        // as deployed: the first start after a build writes each jar's class archive (AppCDS, see ServiceProcesses),
        // here in a training start against scratch databases while the fresh broker's topics are still empty; the
        // timed starts below are ordinary starts that find it (a second run of unchanged jars skips the training)
        long training = System.nanoTime();
        processes.prepareClassArchives();
        Bench.step("class archives ready (" + (System.nanoTime() - training) / 1_000_000 + " ms)");
        for (ServiceProcesses.Service service : services) {
            platform.startTimed(service);
            platform.apis.put(service.name(), new Api(service.url()));
        }
        return platform;
    }

    /**
     * Other builds may be rewriting a service's jar right now (ServiceProcesses copies it before it starts):
     * wait until it is a whole jar with a main class that has not changed for three seconds.
     */
    private static void awaitCompleteJar(Path jar) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            try {
                long modified = Files.getLastModifiedTime(jar).toMillis();
                if (System.currentTimeMillis() - modified > 3000) {
                    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                        if (file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Main-Class") != null) {
                            return;
                        }
                    }
                }
            } catch (IOException incomplete) {
                // being written
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(jar + " is missing or incomplete: build it (./mvnw -DskipTests install)");
            }
            Thread.sleep(1000);
        }
    }

    Api api(String name) {
        return apis.get(name);
    }

    String databaseUrl(String service) {
        return pg.jdbcUrl("bench_" + service);
    }

    /** Launches one service while a watcher asks /health every 20 ms, finer than ServiceProcesses' own wait. */
    private void startTimed(ServiceProcesses.Service service) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        AtomicLong healthyAt = new AtomicLong();
        long launched = System.nanoTime();
        Thread watcher = new Thread(() -> {
            while (healthyAt.get() == 0 && !Thread.currentThread().isInterrupted()) {
                try {
                    HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create(service.url() + "/health"))
                            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        healthyAt.compareAndSet(0, System.nanoTime());
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-" + service.name());
        watcher.setDaemon(true);
        watcher.start();
        processes.start(service.name());
        watcher.join(TimeUnit.SECONDS.toMillis(5));
        long healthy = healthyAt.get() == 0 ? System.nanoTime() : healthyAt.get();
        startupMillis.put(service.name(), (healthy - launched) / 1_000_000);
        Matcher m = MICRONAUT_STARTUP.matcher(Files.readString(logs.resolve(service.module() + ".log")));
        if (m.find()) {
            micronautStartupMillis.put(service.name(), Long.parseLong(m.group(1)));
        }
        Bench.step(service.module() + " healthy after " + startupMillis.get(service.name()) + " ms at " + service.url());
    }

    /** The service's JVM, found among this JVM's children by its jar. */
    ProcessHandle process(String name) {
        String module = processes.service(name).module();
        String jar = module + ".jar";
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> List.of(args).stream()
                        .anyMatch(a -> a.endsWith("/" + jar) || a.endsWith(module + "-0.1.0-SNAPSHOT.jar")))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no running process for " + jar));
    }

    /** Heap in use after a full GC (jcmd GC.run, then GC.heap_info), metaspace, and the process's resident set. */
    record Memory(long heapUsedAfterGcKb, long heapCommittedKb, long metaspaceUsedKb, long rssKb) {
    }

    Memory memory(String name) throws Exception {
        long pid = process(name).pid();
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long used = 0;
        long committed = 0;
        Matcher g = GENERATION.matcher(info);
        while (g.find()) {
            committed += Long.parseLong(g.group(1));
            used += Long.parseLong(g.group(2));
        }
        Matcher meta = METASPACE.matcher(info);
        long metaspace = meta.find() ? Long.parseLong(meta.group(1)) : -1;
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new Memory(used, committed, metaspace, rss);
    }

    /** A Java Flight Recording (profile settings: method samples every 10-20 ms, allocations, locks) of one service. */
    void startRecording(String name) throws Exception {
        jcmd(process(name).pid(), "JFR.start", "name=bench", "settings=profile");
    }

    Path stopRecording(String name, String phase) throws Exception {
        Path file = logs.resolveSibling("profile-" + name + "-" + phase + ".jfr");
        long pid = process(name).pid();
        jcmd(pid, "JFR.dump", "name=bench", "filename=" + file);
        jcmd(pid, "JFR.stop", "name=bench");
        return file;
    }

    private static String jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(line + " failed: " + out);
        }
        return out;
    }

    /** SIGKILL a service that the rest of the run does not need, so it takes no CPU from what is measured. */
    void stop(String name) throws InterruptedException {
        processes.kill(name);
    }

    @Override
    public void close() {
        processes.close();
    }
}
