package nl.regioinkoop.access.client;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The client's stable pseudonym: HMAC-SHA256 of the BSN under a key from configuration. Without the key it can
 * neither be reversed nor recomputed from a guessed BSN (the BSN space is small, so a plain hash would be).
 */
@Singleton
public class Pseudonyms {
    private final SecretKeySpec key;

    Pseudonyms(@Value("${access.pseudonym-key}") String key) {
        if (key == null || key.length() < 32) {
            throw new IllegalStateException("access.pseudonym-key (PSEUDONYM_KEY) must have at least 32 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(Bsn bsn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe: one per call
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bsn.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
