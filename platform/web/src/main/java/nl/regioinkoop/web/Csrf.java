package nl.regioinkoop.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The forms' CSRF token: an HMAC of the session cookie (signed double submit). A page from this platform knows
 * it (it is in every form as the hidden field {@value #FIELD}); another site can neither read the cookie nor
 * compute the token. Nothing is stored, so every replica checks every form.
 */
@Singleton
public class Csrf {
    public static final String FIELD = "csrf";
    static final String SESSION_COOKIE = "JWT";
    private final byte[] key;

    Csrf(@Value("${regio.web.csrf-key}") String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** The token for the request's session; empty when it has no session cookie (a program with a bearer token). */
    public Optional<String> tokenFor(HttpRequest<?> request) {
        return request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue).map(this::sign);
    }

    boolean matches(HttpRequest<?> request, String submitted) {
        Optional<String> expected = tokenFor(request);
        return expected.isPresent() && submitted != null
                && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
