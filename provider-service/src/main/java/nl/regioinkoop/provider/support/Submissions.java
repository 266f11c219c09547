package nl.regioinkoop.provider.support;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Runs a provider's submission in one transaction and, when it carries an {@code Idempotency-Key}, remembers
 * the answer under (provider, key): a retry with the same body gets the first answer back and changes nothing;
 * the same key with another body is refused. Refusals (4xx) are not remembered, because they changed nothing.
 */
@Singleton
public class Submissions {
    private final Sql sql;
    private final JsonMapper mapper;

    Submissions(Sql sql, JsonMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /** The status and JSON body of an answer, exactly as sent the first time. */
    public record Answer(int status, String json) {
    }

    private record Stored(String hash, int status, String json) {
    }

    @Transactional
    public Answer submit(String providerAgb, String key, String operation, Object request, Supplier<Object> work) {
        if (key == null || key.isBlank()) {
            return new Answer(HttpStatus.OK.getCode(), json(work.get()));
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key is longer than 200 characters");
        }
        String hash = sha256(operation + "\n" + json(request));
        // a concurrent submission with the same key blocks here until the first commits or rolls back
        int inserted = sql.update("""
                insert into idempotent_submission (provider_agb, key, request_hash) values (?, ?, ?)
                on conflict do nothing""", providerAgb, key, hash);
        if (inserted == 0) {
            Stored first = sql.one(
                    "select request_hash, status, response from idempotent_submission where provider_agb = ? and key = ?",
                    rs -> new Stored(rs.getString("request_hash"), rs.getInt("status"), rs.getString("response")),
                    providerAgb, key).orElseThrow();
            if (!first.hash().equals(hash)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                        "Idempotency key reused", "Idempotency-Key " + key
                        + " was already used for a different submission; use a new key for new content");
            }
            return new Answer(first.status(), first.json());
        }
        Answer answer = new Answer(HttpStatus.OK.getCode(), json(work.get()));
        sql.update("update idempotent_submission set status = ?, response = ? where provider_agb = ? and key = ?",
                answer.status(), answer.json(), providerAgb, key);
        return answer;
    }

    private String json(Object value) {
        try {
            return new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
