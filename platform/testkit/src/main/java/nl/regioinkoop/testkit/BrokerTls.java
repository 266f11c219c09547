package nl.regioinkoop.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A secured embedded broker's certificate and passwords, in a directory of their own: a self-signed key pair for
 * 127.0.0.1 made by the JDK's {@code keytool} (run as a process, as an operator would), a trust store holding only
 * that certificate, and random passwords for the stores, the broker's own SCRAM login and the clients'. Made once;
 * a later start on the same directory reads them back.
 */
record BrokerTls(Path keyStore, Path trustStore, String storePassword, String brokerPassword, String clientPassword) {
    private static final String SECRETS = "secrets.properties";

    static BrokerTls in(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("broker.p12");
        Path trustStore = dir.resolve("truststore.p12");
        Path secrets = dir.resolve(SECRETS);
        if (Files.exists(secrets) && Files.exists(keyStore) && Files.exists(trustStore)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(secrets)) {
                p.load(in);
            }
            return new BrokerTls(keyStore, trustStore, p.getProperty("store"), p.getProperty("broker"),
                    p.getProperty("client"));
        }
        BrokerTls tls = new BrokerTls(keyStore, trustStore, random(), random(), random());
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(trustStore);
        Path certificate = dir.resolve("broker.crt");
        Files.deleteIfExists(certificate);
        keytool(dir, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", tls.storePassword(), "-keypass", tls.storePassword());
        keytool(dir, "-exportcert", "-alias", "broker", "-keystore", keyStore.toString(),
                "-storepass", tls.storePassword(), "-file", certificate.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", tls.storePassword());
        Properties p = new Properties();
        p.setProperty("store", tls.storePassword());
        p.setProperty("broker", tls.brokerPassword());
        p.setProperty("client", tls.clientPassword());
        try (OutputStream out = Files.newOutputStream(secrets)) {
            p.store(out, "passwords of this test broker's stores and SCRAM users");
        }
        return tls;
    }

    private static void keytool(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    /** Letters and digits only: SCRAM arguments and JAAS strings need no quoting then. */
    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
