package nl.regioinkoop.monitoring.slice;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;

/** The slicing query parameters every figure accepts; all optional. */
@Introspected
public record SliceParams(
        @Parameter(description = "CBS municipality code, 4 digits (e.g. 0988)") @Nullable @QueryValue String municipality,
        @Parameter(description = "segment code as used in allocations") @Nullable @QueryValue String segment,
        @Parameter(description = "client profile") @Nullable @QueryValue String profile,
        @Parameter(description = "provider AGB code, 8 digits") @Nullable @QueryValue String provider,
        @Parameter(description = "referrer type COD327: 01, 02, 03, 04, 05, 06, 08") @Nullable @QueryValue String referrerType,
        @Parameter(description = "first day of the period (ISO date); default 1 January of this year") @Nullable @QueryValue String from,
        @Parameter(description = "last day of the period (ISO date); default 31 December of the year of from") @Nullable @QueryValue String to,
        @Parameter(description = "json (default) or csv; Accept: text/csv works too") @Nullable @QueryValue String format) {
}
