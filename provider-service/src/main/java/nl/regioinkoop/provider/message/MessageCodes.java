package nl.regioinkoop.provider.message;

import nl.regioinkoop.istandaarden.ReturnCodes;
import nl.regioinkoop.istandaarden.Standard;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.provider.allocation.Allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** How the platform's refusals become the standard's return codes (COD954), and WMO588 becomes JZ588. */
final class MessageCodes {
    /** 9332: the allocation has no unique number within the legal domain. */
    static final String NUMBER_NOT_UNIQUE = "9332";
    /** 8017: a credit line without a known debit line (the platform accepts no credit lines). */
    static final String CREDIT_NOT_SUPPORTED = "8017";
    /** 9319: the line's period does not lie within the declaration period. */
    static final String OUTSIDE_DECLARATION_PERIOD = "9319";
    /** 9361: the product was already declared for an overlapping period. */
    static final String OVERLAPPING_PERIOD = "9361";

    /** WMO588 reason care ended, in the platform's JZ588 terms (31 means "moved" in iWmo, "according to plan" in iJw). */
    private static final Map<String, String> WMO_TO_JZ588 = Map.ofEntries(Map.entry("02", "02"),
            Map.entry("19", "31"), Map.entry("20", "20"), Map.entry("21", "32"), Map.entry("22", "33"),
            Map.entry("23", "34"), Map.entry("31", "35"), Map.entry("36", "36"), Map.entry("37", "37"),
            Map.entry("38", "38"), Map.entry("39", "39"));

    private MessageCodes() {
    }

    static String stopReason(Standard standard, String code) {
        return standard == Standard.IWMO ? WMO_TO_JZ588.getOrDefault(code, code) : code;
    }

    /** The return code of a start or stop of care the JSON API's use case refused. */
    static String ofReport(ProblemException refused, boolean stop) {
        String slug = refused.type().substring(Problem.TYPE_BASE.length());
        return switch (slug) {
            case "care-already-started", "care-already-stopped" -> ReturnCodes.DUPLICATE_KEY;
            case "care-not-started" -> ReturnCodes.NO_CURRENT_START;
            case "date-in-future" -> ReturnCodes.DATED_IN_FUTURE;
            case "outside-allocation-period" -> stop ? ReturnCodes.PERIOD_END_OUTSIDE_ALLOCATION
                    : ReturnCodes.PERIOD_START_OUTSIDE_ALLOCATION;
            case "stop-before-start" -> ReturnCodes.PERIOD_END_OUTSIDE_ALLOCATION;
            case "idempotency-key-reused" -> ReturnCodes.IDENTIFICATION_NOT_UNIQUE;
            case "not-found", "forbidden" -> ReturnCodes.NO_MATCHING_ALLOCATION;
            default -> ReturnCodes.TECHNICAL_REJECTION;
        };
    }

    /** The return code of a declaration line the platform rejected with its own reason code (D01-D11). */
    static String ofDeclaration(String reasonCode, Allocation a, LocalDate periodStart, String category) {
        return switch (reasonCode) {
            case "D01" -> OUTSIDE_DECLARATION_PERIOD;
            case "D02" -> ReturnCodes.LINE_WITHOUT_ALLOCATION;
            case "D03" -> a != null && !a.covers(periodStart, periodStart)
                    ? ReturnCodes.PERIOD_START_OUTSIDE_ALLOCATION : ReturnCodes.PERIOD_END_OUTSIDE_ALLOCATION;
            case "D04" -> a != null && category != null && !category.equals(a.productCategory())
                    ? ReturnCodes.CATEGORY_MISMATCH : ReturnCodes.CODE_MISMATCH;
            case "D05" -> ReturnCodes.UNIT_MISMATCH;
            case "D06", "D07" -> ReturnCodes.TARIFF_NOT_CONTRACTED;
            case "D08" -> ReturnCodes.AMOUNT_NOT_VOLUME_TIMES_TARIFF;
            case "D09" -> OVERLAPPING_PERIOD;
            case "D10" -> ReturnCodes.TOTAL_VOLUME_EXCEEDED;
            default -> ReturnCodes.TECHNICAL_REJECTION;
        };
    }

    static List<String> one(String code) {
        return code == null ? List.of() : List.of(code);
    }
}
