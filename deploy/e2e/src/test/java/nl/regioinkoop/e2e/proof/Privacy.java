package nl.regioinkoop.e2e.proof;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The privacy scan of a platform: every record on its broker, every value in its databases, every log line. */
final class Privacy {
    private Privacy() {
    }

    static BsnScan scan(Wire wire, List<String> databases, Path... logDirectories) {
        BsnScan scan = new BsnScan();
        for (ConsumerRecord<byte[], byte[]> r : wire.everything()) {
            String source = "topic " + r.topic();
            String at = "@" + r.partition() + ":" + r.offset();
            StringBuilder text = new StringBuilder();
            if (r.key() != null) {
                text.append(new String(r.key(), StandardCharsets.UTF_8)).append(' ');
            }
            for (Header h : r.headers()) {
                text.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)).append(' ');
            }
            if (r.value() != null) {
                text.append(new String(r.value(), StandardCharsets.UTF_8));
            }
            scan.scan(source, at, text.toString());
        }
        for (String database : databases) {
            Databases.eachValue(database, (column, value) -> scan.scan("database " + database, "." + column, value));
        }
        for (Path dir : logDirectories) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                    scan.scanFile("log " + dir.getFileName() + "/" + log.getFileName(), log);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scan;
    }
}
