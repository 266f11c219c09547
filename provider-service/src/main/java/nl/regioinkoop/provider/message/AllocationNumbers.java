package nl.regioinkoop.provider.message;

import java.util.UUID;

/**
 * The ToewijzingNummer of an allocation, derived from its id: the lowest 32 bits of the UUID modulo 10^9 (the
 * standard's LDT_Nummer holds at most 9 digits). access-service puts a number from its own sequence into those bits
 * when it issues an allocation, so the number is unique and every service can derive it without a lookup.
 */
final class AllocationNumbers {
    static final long LIMIT = 1_000_000_000L;

    private AllocationNumbers() {
    }

    static long of(UUID allocationId) {
        return (allocationId.getLeastSignificantBits() & 0xFFFF_FFFFL) % LIMIT;
    }
}
