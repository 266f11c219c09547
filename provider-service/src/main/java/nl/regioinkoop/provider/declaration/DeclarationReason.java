package nl.regioinkoop.provider.declaration;

/**
 * Why a declaration line is rejected: the meaning of a JW325 answer, with this platform's own stable codes.
 * Monitoring groups rejections by {@link #code}; the README lists them.
 */
enum DeclarationReason {
    INVALID_PERIOD("D01", "the period must lie within one calendar month, start on or before its end and not end in the future"),
    ALLOCATION_UNKNOWN("D02", "no allocation with this id is known for this provider"),
    OUTSIDE_ALLOCATION("D03", "the period lies outside the allocation's validity or after the reported stop of care"),
    PRODUCT_MISMATCH("D04", "the product is not the allocated product"),
    UNIT_MISMATCH("D05", "the unit is not the allocated unit"),
    NO_CONTRACT_TARIFF("D06", "the contract has no tariff for this product valid in the whole period"),
    TARIFF_MISMATCH("D07", "the tariff differs from the contract tariff valid in the period"),
    AMOUNT_MISMATCH("D08", "the amount is not volume times tariff"),
    PERIOD_ALREADY_DECLARED("D09", "the period overlaps a period already declared for this allocation"),
    VOLUME_EXCEEDED("D10", "the volume exceeds what remains of the allocated volume"),
    NOT_PAID_PER_CLIENT("D11", "the allocation's funding model pays the provider per task, area or population, "
            + "not per client: there is nothing to declare");

    final String code;
    final String meaning;

    DeclarationReason(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }
}
