package nl.regioinkoop.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import jakarta.inject.Singleton;

/**
 * Forgets the identity provider's userinfo endpoint, the only thing micronaut-security reads it for: its
 * userinfo token validator would send every bearer token the JWKS refused (expired, another audience, forged) on to
 * the identity provider and take the person the provider names, skipping the checks of issuer, audience and
 * lifetime. A token is valid by the provider's keys and the claims validators alone.
 */
@Singleton
final class BearerTokensByKeysOnly implements BeanCreatedEventListener<DefaultOpenIdProviderMetadata> {

    @Override
    public DefaultOpenIdProviderMetadata onCreated(BeanCreatedEvent<DefaultOpenIdProviderMetadata> event) {
        DefaultOpenIdProviderMetadata metadata = event.getBean();
        metadata.setUserinfoEndpoint(null);
        return metadata;
    }
}
