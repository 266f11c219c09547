package nl.regioinkoop.provider.declaration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

/**
 * Counts rejected declaration lines per reason code ({@value #NAME}, tag {@code reason}) once their submission has
 * committed: a submission refused as a whole (403) or rolled back counts nothing.
 */
@Singleton
class DeclarationRejections {
    static final String NAME = "regio.declaration.lines.rejected";

    private final Optional<MeterRegistry> registry;
    private final TransactionOperations<Connection> transactions;

    DeclarationRejections(Optional<MeterRegistry> registry, TransactionOperations<Connection> transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** Must run inside the submission's transaction. */
    void countAfterCommit(Map<String, Long> linesByReason) {
        if (linesByReason.isEmpty() || registry.isEmpty()) {
            return;
        }
        transactions.findTransactionStatus().orElseThrow(() -> new IllegalStateException("no transaction"))
                .registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        linesByReason.forEach((reason, lines) -> Counter.builder(NAME)
                                .description("declaration lines rejected, by reason code")
                                .tag("reason", reason).register(registry.get()).increment(lines));
                    }
                });
    }
}
