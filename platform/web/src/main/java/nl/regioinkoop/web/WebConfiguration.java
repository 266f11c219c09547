package nl.regioinkoop.web;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Gives every service that takes this module the same security and session configuration
 * ({@code platform-web.yml}), below the service's own application.yml, the environment and test properties, so a
 * service still overrides any of it. One copy instead of four keeps the services' login identical.
 */
@ContextConfigurer
public final class WebConfiguration implements ApplicationContextConfigurer {
    static final String RESOURCE = "platform-web.yml";
    /** Below application.yml (-300): the service's own file wins. */
    static final int POSITION = -400;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        try (InputStream in = WebConfiguration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from platform/web");
            }
            Map<String, Object> values = new YamlPropertySourceLoader().read(RESOURCE, in);
            builder.propertySources(new MapPropertySource("platform-web", values) {
                @Override
                public int getOrder() {
                    return POSITION;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
