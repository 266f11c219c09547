package nl.regioinkoop.bench;

import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.local.demo.DemoRegionLoader;
import nl.regioinkoop.local.demo.RegionPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of the benchmark (see README): starts the platform, loads the demo region through the APIs, measures
 * P5, P3, P2, P1 and P4 at demo size, then P3 and P4 at the larger size, prints the table and writes the JSON.
 * Figures are printed, never asserted.
 */
public final class Bench {
    private static final long STARTED = System.nanoTime();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path repository = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(repository.resolve("access-service"))) {
            throw new IllegalStateException("run from the repository root (deploy/bench/run.sh does)");
        }
        Results results = new Results();
        Map<String, Object> machine = machine();
        results.detail("machine", machine);
        results.detail("options", options.all());
        step("machine: " + machine);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        boolean failed = false;

        try (Platform platform = Platform.start(repository, options)) {
            int demoClients = options.integer("demo.clients");
            step("demo region: " + demoClients + " clients through the APIs");
            long t = System.nanoTime();
            DemoRegionLoader.Summary demo = new DemoRegionLoader(platform.api("access").baseUrl(),
                    platform.api("contracting").baseUrl(), platform.api("provider").baseUrl(), platform.tokens,
                    new RegionPlan(demoClients, today, 20_260_101L)).load();
            SyntheticRegion.awaitNoLag(platform.kafka);
            double demoSeconds = (System.nanoTime() - t) / 1e9;
            results.detail("demo", Map.of("clients", demo.clients(), "allocations", demo.allocations(),
                    "declarationLines", demo.declarationLines(), "requests", demo.requests(), "seconds", demoSeconds));
            step(String.format("demo region loaded in %.0f s: %s", demoSeconds, demo));
            String demoSize = String.format("demo size (%,d clients, %,d allocations, %,d declaration lines)",
                    demo.clients(), demo.allocations(), demo.declarationLines());

            startupAndHeap(platform, results);
            DashboardQueries.run(platform, options, results, "p3Demo", demoSize);

            String profiled = options.text("profile");
            AllocationFlow p2 = new AllocationFlow(platform, options, results);
            if (!profiled.isBlank()) {
                platform.startRecording(profiled);
            }
            CpuUsage cpu = new CpuUsage(platform);
            Map<String, Double> before = cpu.snapshot();
            long phase = System.nanoTime();
            p2.run();
            results.detail("p2Cpu", CpuUsage.between(before, cpu.snapshot(), (System.nanoTime() - phase) / 1e9));
            step("P2 CPU seconds: " + results.details().get("p2Cpu"));
            if (!profiled.isBlank()) {
                step("P2 profile of " + profiled + ": " + platform.stopRecording(profiled, "p2"));
            }
            kafkaReference(platform, results, p2);

            if (!profiled.isBlank()) {
                platform.startRecording(profiled);
            }
            before = cpu.snapshot();
            phase = System.nanoTime();
            new DeclarationIngestion(platform, options, results).run(List.copyOf(p2.allocationIds), today);
            results.detail("p1Cpu", CpuUsage.between(before, cpu.snapshot(), (System.nanoTime() - phase) / 1e9));
            step("P1 CPU seconds: " + results.details().get("p1Cpu"));
            if (!profiled.isBlank()) {
                step("P1 profile of " + profiled + ": " + platform.stopRecording(profiled, "p1"));
            }
            SyntheticRegion.awaitNoLag(platform.kafka);

            int largeClients = options.integer("large.clients");
            String rebuildSize = "demo size + P1/P2";
            if (largeClients > 0) {
                for (String service : List.of("access", "provider", "contracting")) {
                    platform.stop(service);
                }
                int lines = options.integer("large.lines");
                int budget = options.integer("large.seconds");
                step(String.format("larger size: up to %,d clients x %d declaration lines by event replay, as many as "
                        + "monitoring applies in %d s (access, provider and contracting stopped)", largeClients, lines, budget));
                SyntheticRegion.Loaded loaded = SyntheticRegion.load(platform, largeClients, lines, budget);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("clientsAsked", largeClients);
                detail.put("clientsLoaded", loaded.clients());
                detail.put("linesPerClient", lines);
                detail.put("events", loaded.events());
                detail.put("seconds", loaded.seconds());
                detail.put("liveEventsPerSecond", loaded.events() / loaded.seconds());
                results.detail("large", detail);
                results.figure("P3", String.format("larger size loaded by event replay: %,d clients, %,d events "
                                + "(monitoring applying them live)", loaded.clients(), loaded.events()),
                        Results.perSecond(loaded.events() / loaded.seconds()) + " events", null, null, null, null);
                String largeSize = String.format("demo + %,d clients, %,d lines", loaded.clients(),
                        (long) loaded.clients() * lines);
                DashboardQueries.run(platform, options, results, "p3Large", largeSize);
                rebuildSize = largeSize;
            }
            before = cpu.snapshot();
            phase = System.nanoTime();
            MonitoringRebuild.run(platform, results, "p4", rebuildSize);
            results.detail("p4Cpu", CpuUsage.between(before, cpu.snapshot(), (System.nanoTime() - phase) / 1e9));
            step("P4 CPU seconds: " + results.details().get("p4Cpu"));
        } catch (Exception | Error e) {
            e.printStackTrace();
            results.detail("error", String.valueOf(e));
            failed = true;
        } finally {
            results.detail("loadAverageAtEnd", loadAverage());
            results.detail("seconds", (System.nanoTime() - STARTED) / 1e9);
            Path out = options.path("out");
            results.write(out);
            System.out.println();
            System.out.println(results.table());
            System.out.printf("machine: %s%nJSON: %s (%.0f s)%n", machine, out, (System.nanoTime() - STARTED) / 1e9);
        }
        System.exit(failed ? 1 : 0);
    }

    private static void startupAndHeap(Platform platform, Results results) throws Exception {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (String service : platform.startupMillis.keySet()) {
            Platform.Memory memory = platform.memory(service);
            long startup = platform.startupMillis.get(service);
            long heapMb = memory.heapUsedAfterGcKb() / 1024;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("startupMsToHealthy", startup);
            d.put("startupMsMicronaut", platform.micronautStartupMillis.get(service));
            d.put("heapUsedAfterGcKb", memory.heapUsedAfterGcKb());
            d.put("heapCommittedKb", memory.heapCommittedKb());
            d.put("metaspaceUsedKb", memory.metaspaceUsedKb());
            d.put("rssKb", memory.rssKb());
            detail.put(service, d);
            results.figure("P5", service + "-service: start to healthy / heap after GC at demo load",
                    String.format("%.1f s (Micronaut %s ms) / %d MB (RSS %d MB)", startup / 1000.0,
                            platform.micronautStartupMillis.getOrDefault(service, -1L), heapMb, memory.rssKb() / 1024),
                    null, null, "< 3 s, < 256 MB", startup < 3000 && heapMb < 256);
        }
        results.detail("p5", detail);
    }

    private static void kafkaReference(Platform platform, Results results, AllocationFlow p2) throws Exception {
        byte[] payload = Json.event(new AllocationIssued(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), "0988", "f".repeat(64), AllocationFlow.PROVIDER_AGB, UUID.randomUUID(), "45", "45A48",
                "AMBULANT", "P3", 3, "02", "PXQ", 86, "04", "2", AllocationFlow.VALID_FROM, AllocationFlow.VALID_TO,
                10_500, 903_000, "AMBULANT", null));
        int messages = p2.allocationIds.size();
        step("P2 reference: raw Kafka produce -> consume of " + messages + " messages of " + payload.length + " bytes");
        KafkaReference.Result kafka = KafkaReference.run(platform.kafka, messages, payload);
        double ratio = p2.allocationsPerSecond / kafka.messagesPerSecond();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("messages", kafka.messages());
        detail.put("bytes", payload.length);
        detail.put("seconds", kafka.seconds());
        detail.put("messagesPerSecond", kafka.messagesPerSecond());
        detail.put("latency", kafka.latency().summary());
        detail.put("ratio", ratio);
        results.detail("p2KafkaReference", detail);
        results.figure("P2", "allocations/s against raw Kafka produce -> consume of as many messages",
                Results.perSecond(p2.allocationsPerSecond), "Kafka " + Results.perSecond(kafka.messagesPerSecond())
                        + " (p99 " + Latencies.ms(kafka.latency().percentileMillis(99)) + " ms)",
                Results.percent(ratio), null, null);
        step(String.format("P2 reference: Kafka %.0f messages/s, latency %s; ratio %.2f %%", kafka.messagesPerSecond(),
                kafka.latency().text(), ratio * 100));
    }

    static Map<String, Object> machine() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().orElse("MemTotal: ? kB").replaceAll("\\D", "");
        m.put("memoryGb", memTotal.isEmpty() ? "?" : String.format("%.1f", Long.parseLong(memTotal) / 1024.0 / 1024.0));
        m.put("cpuModel", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("?"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    static void step(String message) {
        System.out.printf("%tT %6.0fs  %s%n", System.currentTimeMillis(), (System.nanoTime() - STARTED) / 1e9, message);
    }
}
