package nl.regioinkoop.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where a JVM gets its real PostgreSQL server and Kafka broker from, chosen once:
 * <ol>
 *   <li>external: {@code TEST_PG_URL} (an admin database URL, with {@code TEST_PG_USER}/{@code TEST_PG_PASSWORD})
 *       and {@code TEST_KAFKA_BOOTSTRAP} name running servers (a secured broker's settings as the services'
 *       variables with {@code TEST_} before them: {@code TEST_KAFKA_SECURITY_PROTOCOL}, ...);</li>
 *   <li>Testcontainers, when a Docker engine answers ({@code INFRA_MODE=containers} insists on it);</li>
 *   <li>embedded: PostgreSQL binaries from Maven Central (zonky) and a KRaft broker from Apache Kafka's jars
 *       ({@code INFRA_MODE=embedded} skips the Docker check).</li>
 * </ol>
 * Which one ran is logged once. Every service gets its own database on the one server, owned by a role of its own
 * ({@link #createServiceDatabase(String)}). {@code TEST_KAFKA_SECURITY=sasl_ssl} makes the embedded broker take
 * SASL_SSL logins only ({@link EmbeddedKafka#startSecured()}); every client then needs {@link #kafka()}.
 */
public final class Infra {
    private static final Logger LOG = LoggerFactory.getLogger(Infra.class);

    public enum Mode { EXTERNAL, CONTAINERS, EMBEDDED }

    /** A PostgreSQL server: a JDBC URL to an existing admin database and a user allowed to create databases. */
    public record Pg(String adminUrl, String user, String password) {
        public String jdbcUrl(String database) {
            return adminUrl.replaceFirst("^(jdbc:postgresql://[^/]+)/[^?]*", "$1/" + database);
        }
    }

    private static Pg pg;
    private static OidcServer oidc;
    private static KafkaClientSettings kafka;
    private static Boolean docker;
    private static Mode pgMode;
    private static Mode kafkaMode;

    private Infra() {
    }

    public static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            v = System.getProperty(name);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    public static String envOr(String name, String fallback) {
        String v = env(name);
        return v == null ? fallback : v;
    }

    static synchronized boolean dockerAvailable() {
        if (docker == null) {
            String mode = env("INFRA_MODE");
            if ("embedded".equalsIgnoreCase(mode)) {
                docker = false;
            } else if (!"containers".equalsIgnoreCase(mode) && !dockerHints()) {
                // no socket, no DOCKER_HOST: skip Testcontainers' own probe, which takes ~0.5 s to fail
                docker = false;
            } else {
                boolean ok;
                try {
                    ok = DockerClientFactory.instance().isDockerAvailable();
                } catch (Throwable e) {
                    ok = false;
                }
                if (!ok && "containers".equalsIgnoreCase(mode)) {
                    throw new IllegalStateException("INFRA_MODE=containers but no Docker engine answers");
                }
                docker = ok;
            }
        }
        return docker;
    }

    private static boolean dockerHints() {
        Path home = Path.of(System.getProperty("user.home"));
        return env("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(home.resolve(".testcontainers.properties"))
                || Files.exists(home.resolve(".docker/run/docker.sock"));
    }

    public static synchronized Mode postgresMode() {
        postgres();
        return pgMode;
    }

    public static synchronized Mode kafkaMode() {
        kafka();
        return kafkaMode;
    }

    /** The shared PostgreSQL server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized Pg postgres() {
        if (pg != null) {
            return pg;
        }
        long started = System.nanoTime();
        String url = env("TEST_PG_URL");
        if (url != null) {
            pgMode = Mode.EXTERNAL;
            pg = new Pg(url, envOr("TEST_PG_USER", "postgres"), envOr("TEST_PG_PASSWORD", ""));
        } else if (dockerAvailable()) {
            pgMode = Mode.CONTAINERS;
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(envOr("TEST_PG_IMAGE", "postgres:17-alpine"));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            pg = new Pg(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        } else {
            pgMode = Mode.EMBEDDED;
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
                pg = new Pg("jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres", "postgres", "");
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL failed to start", e);
            }
        }
        LOG.info("PostgreSQL ({}) ready in {} ms", pgMode, (System.nanoTime() - started) / 1_000_000);
        return pg;
    }

    /** Creates the database on the shared server if it is missing and returns its JDBC URL. */
    public static String postgresDatabase(String name) {
        Pg server = postgres();
        createDatabase(server.adminUrl(), server.user(), server.password(), name);
        return server.jdbcUrl(name);
    }

    public static void createDatabase(String adminUrl, String user, String password, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("create database \"" + name + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** A service's own database, and the role that owns it and nothing else: what the service connects as. */
    public record ServiceDatabase(String database, String url, String user, String password) {
        /** Never prints the password. */
        @Override
        public String toString() {
            return "ServiceDatabase[" + url + " as " + user + "]";
        }
    }

    /** Passwords of the roles this JVM made, per server and role: a second call keeps the first one's. */
    private static final Map<String, String> ROLE_PASSWORDS = new ConcurrentHashMap<>();

    /** {@link #createServiceDatabase(Pg, String, String)} on this JVM's server, the role named as the database. */
    public static ServiceDatabase createServiceDatabase(String database) {
        return createServiceDatabase(postgres(), database, database);
    }

    /** {@link #createServiceDatabase(Pg, String, String)}, the role named as the database. */
    public static ServiceDatabase createServiceDatabase(Pg server, String database) {
        return createServiceDatabase(server, database, database);
    }

    /**
     * Least privilege on a shared server: the database of one service, owned by a login role of that service
     * alone (no superuser, no CREATEDB, no CREATEROLE), with CONNECT and TEMPORARY revoked from PUBLIC, so no other
     * service's role can even connect to it. The service connects as that role and its migrations (Flyway) run as
     * it, so it owns every table it makes. A database that exists already gets the role as owner of itself, its
     * public schema and every table, view, sequence, routine and type in it (databases from before this, e.g. a
     * kept {@code .local/}). Idempotent; the role's password is random, made once per JVM and server and set again
     * on every call, so a restarted service process logs in with what this JVM hands it.
     *
     * @param server an admin connection that may create roles and databases
     */
    public static synchronized ServiceDatabase createServiceDatabase(Pg server, String database, String role) {
        for (String name : List.of(database, role)) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain name: " + name);
            }
        }
        String password = ROLE_PASSWORDS.computeIfAbsent(server.adminUrl() + "|" + role, k -> randomPassword());
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
             Statement st = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = st.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                roleExists = rs.next();
            }
            st.execute((roleExists ? "alter role \"" : "create role \"") + role + "\" login password '" + password
                    + "' nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            String owner = null;
            try (ResultSet rs = st.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = '"
                    + database + "'")) {
                if (rs.next()) {
                    owner = rs.getString(1);
                }
            }
            if (owner == null) {
                st.execute("create database \"" + database + "\" owner \"" + role + "\"");
            } else if (!owner.equals(role)) {
                st.execute("alter database \"" + database + "\" owner to \"" + role + "\"");
            }
            st.execute("revoke connect, temporary on database \"" + database + "\" from public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + database + " of role " + role, e);
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
             Statement st = c.createStatement()) {
            st.execute(TAKE_OVER.replace("ROLE", role));
        } catch (SQLException e) {
            throw new IllegalStateException("could not hand " + database + " to its role " + role, e);
        }
        return new ServiceDatabase(database, server.jdbcUrl(database), role, password);
    }

    /** Makes ROLE the owner of the public schema and of everything in it that another role owns. */
    private static final String TAKE_OVER = """
            do $$
            declare
                r record;
            begin
                execute 'alter schema public owner to "ROLE"';
                execute 'revoke create on schema public from public';
                for r in select c.oid::regclass as name, c.relkind from pg_class c
                         join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                           and c.relowner <> 'ROLE'::regrole
                           -- a serial or identity column's sequence follows its table
                           and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                           and d.objid = c.oid and d.deptype in ('a', 'i'))
                loop
                    execute format('alter %s %s owner to "ROLE"', case r.relkind when 'S' then 'sequence'
                        when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, r.name);
                end loop;
                for r in select p.oid::regprocedure as name from pg_proc p
                         join pg_namespace n on n.oid = p.pronamespace
                         where n.nspname = 'public' and p.proowner <> 'ROLE'::regrole
                loop
                    execute format('alter routine %s owner to "ROLE"', r.name);
                end loop;
                for r in select t.oid::regtype as name, t.typtype from pg_type t
                         join pg_namespace n on n.oid = t.typnamespace
                         where n.nspname = 'public' and t.typowner <> 'ROLE'::regrole and t.typtype in ('e', 'd')
                loop
                    execute format('alter %s %s owner to "ROLE"', case r.typtype when 'd' then 'domain'
                        else 'type' end, r.name);
                end loop;
            end $$""";

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The shared Kafka broker of this JVM: where it is. Clients need {@link #kafka()} for a secured one. */
    public static String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    /**
     * {@code TEST_KAFKA_SECURITY=sasl_ssl}: the embedded brokers of this JVM (the shared one and any a test starts
     * for itself) take SASL_SSL logins only. {@code plaintext}, the default: no TLS, no login.
     */
    public static boolean securedKafkaWanted() {
        return switch (envOr("TEST_KAFKA_SECURITY", "plaintext").toLowerCase()) {
            case "plaintext" -> false;
            case "sasl_ssl" -> true;
            default -> throw new IllegalStateException("TEST_KAFKA_SECURITY is plaintext or sasl_ssl, not "
                    + env("TEST_KAFKA_SECURITY"));
        };
    }

    /** The shared Kafka broker of this JVM, started on first use: where it is and how to log in to it. */
    public static synchronized KafkaClientSettings kafka() {
        if (kafka != null) {
            return kafka;
        }
        long started = System.nanoTime();
        String external = env("TEST_KAFKA_BOOTSTRAP");
        boolean secured = securedKafkaWanted();
        if (external != null) {
            kafkaMode = Mode.EXTERNAL;
            kafka = KafkaClientSettings.register(KafkaClientSettings.fromEnvironment(external, "TEST_KAFKA_"));
        } else if (!secured && dockerAvailable()) {
            kafkaMode = Mode.CONTAINERS;
            KafkaContainer container = new KafkaContainer(envOr("TEST_KAFKA_IMAGE", "apache/kafka:3.9.1"));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            kafka = KafkaClientSettings.plaintext(container.getBootstrapServers());
        } else {
            // a SASL_SSL broker is always the embedded one: its certificate and SCRAM users are made here
            kafkaMode = Mode.EMBEDDED;
            try {
                EmbeddedKafka broker = EmbeddedKafka.start(0, null, secured);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
                kafka = broker.clientSettings();
            } catch (Exception e) {
                throw new IllegalStateException("embedded Kafka failed to start", e);
            }
        }
        LOG.info("Kafka ({}{}) ready at {} in {} ms", kafkaMode, kafka.secured()
                        ? ", " + kafka.security().get("security.protocol") : "", kafka.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
        return kafka;
    }

    /** The OpenID Connect server of this JVM with the demo region's users, started on first use (milliseconds). */
    public static synchronized OidcServer oidc() {
        if (oidc == null) {
            oidc = OidcServer.start(0, DemoUsers.midLimburgWest(), java.time.Duration.ofHours(1));
            Runtime.getRuntime().addShutdownHook(new Thread(oidc::close));
        }
        return oidc;
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort on a temporary directory
        }
    }
}
