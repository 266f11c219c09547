package nl.regioinkoop.provider.message;

import jakarta.inject.Singleton;
import nl.regioinkoop.istandaarden.Standard;
import nl.regioinkoop.istandaarden.ReturnCodes;
import nl.regioinkoop.provider.allocation.Allocation;
import nl.regioinkoop.provider.allocation.Allocations;
import nl.regioinkoop.provider.support.Sql;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the allocation a message line names by its ToewijzingNummer: among the sending provider's own allocations
 * from the receiving municipality, in the message's legal domain (iJw: youth categories, iWmo: WMO020 01-18), where
 * the standard requires the number to be unique.
 */
@Singleton
class NumberedAllocations {
    private static final Set<String> WMO_CATEGORIES = Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09",
            "10", "11", "12", "13", "14", "15", "16", "17", "18");

    private final Sql sql;
    private final Allocations allocations;

    NumberedAllocations(Sql sql, Allocations allocations) {
        this.sql = sql;
        this.allocations = allocations;
    }

    /** The allocation, or the return code that refuses the line: 9019 none, 9332 the number is not unique. */
    record Found(Allocation allocation, String refusal) {
    }

    Found find(String providerAgb, String municipalityCode, Standard standard, Long number) {
        if (number == null) {
            return new Found(null, ReturnCodes.NO_MATCHING_ALLOCATION);
        }
        List<UUID> ids = sql.list("""
                        select allocation_id, product_category, product_code from allocation_replica
                        where provider_agb = ? and municipality_code = ? and allocation_number = ?""",
                rs -> standardOf(rs.getString("product_category"), rs.getString("product_code")) == standard
                        ? rs.getObject("allocation_id", UUID.class) : null,
                providerAgb, municipalityCode, number).stream().filter(java.util.Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return new Found(null, ReturnCodes.NO_MATCHING_ALLOCATION);
        }
        if (ids.size() > 1) {
            return new Found(null, MessageCodes.NUMBER_NOT_UNIQUE);
        }
        return new Found(allocations.find(ids.get(0)).orElseThrow(), null);
    }

    static Standard standardOf(String category, String productCode) {
        String c = category != null ? category : productCode != null && productCode.length() >= 2
                ? productCode.substring(0, 2) : "";
        return WMO_CATEGORIES.contains(c) ? Standard.IWMO : Standard.IJW;
    }
}
