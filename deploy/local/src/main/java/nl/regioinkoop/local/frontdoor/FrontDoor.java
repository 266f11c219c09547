package nl.regioinkoop.local.frontdoor;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.Map;

/** Starts the front door on a port of this JVM. */
public final class FrontDoor implements AutoCloseable {
    private final ApplicationContext context;
    private final EmbeddedServer server;

    private FrontDoor(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    public static FrontDoor start(int port, FrontDoorRoutes routes) {
        ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("micronaut.server.port", port,
                        "micronaut.server.host", "127.0.0.1",
                        // a dashboard figure at a large size may take seconds
                        "micronaut.http.client.read-timeout", "120s",
                        // a redirect (to the login, to the identity provider) goes back to the browser as it is
                        "micronaut.http.client.follow-redirects", false,
                        "micronaut.application.name", "front-door"))
                .singletons(routes)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        return new FrontDoor(context, server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
