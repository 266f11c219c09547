package nl.regioinkoop.access.allocation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The ToewijzingNummer of an allocation (iStandaarden LDT_Nummer, at most 9 digits), carried in its id: a new
 * allocation's id is a random UUID whose lowest 32 bits hold the next number of {@code allocation_number_seq}, so the
 * number is unique and any service derives it from the id alone (lowest 32 bits modulo 10^9).
 */
@Singleton
public class AllocationNumbers {
    static final long LIMIT = 1_000_000_000L;

    private final JdbcOperations jdbc;

    AllocationNumbers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh allocation id with the next number in it. */
    UUID newAllocationId() {
        long number = jdbc.prepareStatement("select nextval('allocation_number_seq')", st -> {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("no allocation number", e);
            }
        });
        return withNumber(UUID.randomUUID(), number);
    }

    static UUID withNumber(UUID random, long number) {
        return new UUID(random.getMostSignificantBits(), (random.getLeastSignificantBits() & ~0xFFFF_FFFFL) | number);
    }

    public static long of(UUID allocationId) {
        return (allocationId.getLeastSignificantBits() & 0xFFFF_FFFFL) % LIMIT;
    }
}
