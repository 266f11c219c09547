package nl.regioinkoop.contracting.contract;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * The terms every contract of a tender (or one local contract) shares: participating municipalities (CBS codes),
 * start, initial years and extension options (4 + 2 + 2 is {@code initialYears} 4, {@code extensionOptions}
 * [2, 2]), notice period, production ceiling per provider per year and acceptance duty.
 */
@Serdeable
public record TermsInput(List<String> municipalities, LocalDate validFrom, Integer initialYears,
                         List<Integer> extensionOptions, Integer noticeMonths, Long annualCeilingCents,
                         Integer acceptanceDutyDays) {
}
