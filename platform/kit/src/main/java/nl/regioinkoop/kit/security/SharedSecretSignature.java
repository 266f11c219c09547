package nl.regioinkoop.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;

/** The shared-secret signature, which verifies nothing unless {@link SharedSecretTokens} accepts such tokens. */
@EachBean(SecretSignatureConfiguration.class)
@Replaces(SecretSignature.class)
class SharedSecretSignature extends SecretSignature {
    private final SharedSecretTokens policy;

    SharedSecretSignature(SecretSignatureConfiguration configuration, SharedSecretTokens policy) {
        super(configuration);
        this.policy = policy;
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return policy.accepted() && super.supports(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return policy.accepted() && super.verify(jwt);
    }
}
