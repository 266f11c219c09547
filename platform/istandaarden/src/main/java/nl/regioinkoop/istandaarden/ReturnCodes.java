package nl.regioinkoop.istandaarden;

/**
 * Return codes (retourcodes, basisschema type LDT_RetourCode, Vektis list COD954) the platform uses. Any other code of
 * that list may be passed as a string; the schema refuses codes outside it.
 */
public final class ReturnCodes {

    /** 0001: message rejected for technical reasons. */
    public static final String TECHNICAL_REJECTION = "0001";
    /** 0200: no remark on this part of the message (accepted). */
    public static final String NO_REMARK = "0200";
    /** 0233: this part was not assessed (a part above it was rejected). */
    public static final String NOT_ASSESSED = "0233";
    /** 0611: declared tariff differs from the contracted tariff. */
    public static final String TARIFF_NOT_CONTRACTED = "0611";
    /** 8001: declaration line fully granted. */
    public static final String GRANTED = "8001";
    /** 8021: the line's reference number has been submitted before. */
    public static final String REFERENCE_ALREADY_SUBMITTED = "8021";
    /** 8848: Dagtekening lies after today. */
    public static final String DATED_IN_FUTURE = "8848";
    /** 9019: the message cannot be linked to an allocation. */
    public static final String NO_MATCHING_ALLOCATION = "9019";
    /** 9056: Identificatie not unique per message type for this sender. */
    public static final String IDENTIFICATION_NOT_UNIQUE = "9056";
    /** 9069: there is no current start message with the same key. */
    public static final String NO_CURRENT_START = "9069";
    /** 9074: a message with the same key was received before. */
    public static final String DUPLICATE_KEY = "9074";
    /** 9307: begin of the product period is outside the allocation. */
    public static final String PERIOD_START_OUTSIDE_ALLOCATION = "9307";
    /** 9308: end of the product period is outside the allocation. */
    public static final String PERIOD_END_OUTSIDE_ALLOCATION = "9308";
    /** 9321: the declared volume exceeds the allocated volume. */
    public static final String VOLUME_EXCEEDED = "9321";
    /** 9322: the sum of declared volumes exceeds the allocated volume. */
    public static final String TOTAL_VOLUME_EXCEEDED = "9322";
    /** 9333: declaration number not unique. */
    public static final String DECLARATION_NUMBER_NOT_UNIQUE = "9333";
    /** 9338: a line is not related to an allocated product by its allocation number. */
    public static final String LINE_WITHOUT_ALLOCATION = "9338";
    /** 9339: product category differs from the allocated product's. */
    public static final String CATEGORY_MISMATCH = "9339";
    /** 9340: product code differs from the allocated product's. */
    public static final String CODE_MISMATCH = "9340";
    /** 9341: unit does not fit the allocated product's unit. */
    public static final String UNIT_MISMATCH = "9341";
    /** 9346: amount is not volume times tariff. */
    public static final String AMOUNT_NOT_VOLUME_TIMES_TARIFF = "9346";
    /** 9347: ReferentieAanbieder not unique for the provider. */
    public static final String PROVIDER_REFERENCE_NOT_UNIQUE = "9347";
    /** 9350: unchanged product does not match a current allocation. */
    public static final String UNCHANGED_PRODUCT_UNKNOWN = "9350";
    /** 9351: product to change does not match a current allocation. */
    public static final String CHANGED_PRODUCT_UNKNOWN = "9351";
    /** 9369: the declared volumes do not fit the allocated budget. */
    public static final String BUDGET_EXCEEDED = "9369";
    /** 9374: a request is already being handled. */
    public static final String REQUEST_PENDING = "9374";
    /** S300: municipality code is not in the CBS list. */
    public static final String UNKNOWN_MUNICIPALITY = "S300";
    /** S329: product code does not belong to the product category. */
    public static final String CODE_NOT_IN_CATEGORY = "S329";

    private ReturnCodes() {
    }
}
