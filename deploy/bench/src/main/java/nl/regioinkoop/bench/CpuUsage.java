package nl.regioinkoop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time per part of the run, from /proc (Linux): each service, this run's PostgreSQL (its postmaster with its
 * backends, reaped ones included), this JVM (load generator and Kafka broker) and the whole machine, so a phase's
 * figures say where its CPU went and how much other work shared the machine.
 */
final class CpuUsage {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Platform platform;
    private final int pgPort;

    CpuUsage(Platform platform) {
        this.platform = platform;
        this.pgPort = Integer.parseInt(platform.pg.adminUrl().replaceFirst(".*://[^:/]+:(\\d+)/.*", "$1"));
    }

    /** CPU seconds used so far by each part. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String service : List.of("access", "contracting", "provider", "monitoring")) {
            try {
                seconds.put(service, ticks(platform.process(service).pid(), false) / TICKS_PER_SECOND);
            } catch (RuntimeException stopped) {
                seconds.put(service, 0.0);
            }
        }
        seconds.put("postgres", postgresTicks() / TICKS_PER_SECOND);
        seconds.put("bench JVM (load, Kafka broker)", ticks(ProcessHandle.current().pid(), false) / TICKS_PER_SECOND);
        seconds.put("whole machine", machineBusyTicks() / TICKS_PER_SECOND);
        return seconds;
    }

    /** The CPU seconds between two snapshots, and what the rest of the machine used. */
    static Map<String, Object> between(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        Map<String, Object> used = new LinkedHashMap<>();
        double ours = 0;
        for (String part : after.keySet()) {
            double delta = after.get(part) - before.getOrDefault(part, 0.0);
            used.put(part, Math.round(delta * 10) / 10.0);
            if (!part.equals("whole machine")) {
                ours += delta;
            }
        }
        double machine = after.get("whole machine") - before.get("whole machine");
        used.put("other work on the machine", Math.round((machine - ours) * 10) / 10.0);
        used.put("wall seconds", Math.round(wallSeconds * 10) / 10.0);
        used.put("cores", Runtime.getRuntime().availableProcessors());
        return used;
    }

    private long postgresTicks() {
        long total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                String cmdline = cmdline(pid);
                if (cmdline.contains("postgres") && cmdline.contains("-p " + pgPort) ) {
                    total += ticks(pid, true);
                    for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of())) {
                        total += ticks(child.pid(), false);
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime (+ cutime + cstime of reaped children when asked) of one process. */
    private static long ticks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withReapedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }
}
