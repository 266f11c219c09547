package nl.regioinkoop.access.screen;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.retention.Purge;
import nl.regioinkoop.kit.retention.RetentionJob;
import nl.regioinkoop.kit.security.Caller;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One effect per rendered form: the form's idempotency key ({@code nl.regioinkoop.web.Form}) is claimed in the
 * transaction of the form's effect, with where its result lives. A double click or a browser retry of the same form
 * finds the key (a concurrent one waits on the key's row until the first commits) and is sent to the first result
 * instead of registering or allocating again. A refusal rolls the claim back with the rest, so the corrected form
 * can be sent again with the same key.
 */
@Singleton
public class FormSubmissions implements Purge {
    private final JdbcOperations jdbc;
    private final Duration retention;

    FormSubmissions(JdbcOperations jdbc,
                    @Nullable @Value("${regio.retention.form-submissions:7d}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** The form was sent before: its result is at {@link #location()}. Nothing was done this time. */
    public static final class AlreadySent extends ProblemException {
        private final transient String location;

        AlreadySent(String location) {
            super(HttpStatus.CONFLICT, "form-already-sent", "Form already sent",
                    "This form was sent before and processed once; its result is at " + location);
            this.location = location;
            with("location", location);
        }

        public String location() {
            return location;
        }
    }

    /**
     * Runs the form's work once per key, inside the caller's transaction (the audited use case's).
     *
     * @param location where the work's result is shown, remembered for a second submission of the same form
     * @throws AlreadySent when this form was processed before (by the same person, for the same action)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public <T> T once(Caller caller, String formKey, String action, Supplier<T> work, Function<T, String> location) {
        UUID key = parse(formKey);
        if (key == null) {
            return work.get(); // a form without a usable key (a hand-made request): processed, not remembered
        }
        int claimed = update("""
                insert into form_submission (key, subject, action) values (?, ?, ?) on conflict do nothing""",
                key, caller.subject(), action);
        if (claimed == 0) {
            Optional<String> first = sent(caller, key, action);
            throw first.map(AlreadySent::new).orElseGet(() -> new AlreadySent("/"));
        }
        T result = work.get();
        update("update form_submission set location = ? where key = ?", location.apply(result), key);
        return result;
    }

    private Optional<String> sent(Caller caller, UUID key, String action) {
        return jdbc.prepareStatement("select subject, action, location from form_submission where key = ?", st -> {
            try {
                st.setObject(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    // a key of another person or action says nothing about it: only its own sender is sent on
                    if (rs.next() && caller.subject().equals(rs.getString(1)) && action.equals(rs.getString(2))) {
                        return Optional.ofNullable(rs.getString(3));
                    }
                    return Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static UUID parse(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException notAKey) {
            return null;
        }
    }

    private int update(String sql, Object... values) {
        return jdbc.prepareStatement(sql, st -> {
            try {
                for (int i = 0; i < values.length; i++) {
                    st.setObject(i + 1, values[i]);
                }
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public String name() {
        return "form_submission";
    }

    /** A week: a browser retries within seconds, a person resends a form within the hour. */
    @Override
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    @Override
    public long purgeOlderThan(Duration retention) {
        return RetentionJob.delete(jdbc,
                "delete from form_submission where created_at < now() - make_interval(secs => ?)", retention);
    }
}
