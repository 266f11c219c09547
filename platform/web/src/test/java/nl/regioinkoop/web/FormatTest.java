package nl.regioinkoop.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {
    final Format fmt = new Format();

    @Test
    void showsDatesTheDutchWay() {
        assertEquals("3 december 2026", fmt.date(LocalDate.of(2026, 12, 3)));
        assertEquals("1 maart 2027", fmt.date(LocalDate.of(2027, 3, 1)));
        assertEquals("", fmt.date(null));
        assertEquals("3 december 2026, 14:05", fmt.moment(Instant.parse("2026-12-03T13:05:00Z")), "Dutch winter time");
    }

    @Test
    void showsEurosFromCentsWithDutchSeparators() {
        assertEquals("€ 1.234,56", fmt.euros(123_456));
        assertEquals("€ 0,05", fmt.euros(5));
        assertEquals("€ 17.800.000,00", fmt.euros(1_780_000_000L));
        assertEquals("-€ 12,00", fmt.euros(-1_200));
        assertEquals("", fmt.euros((Long) null));
    }

    @Test
    void neverShowsACodeWithoutItsNameWhenTheNameIsKnown() {
        assertEquals("45A48 · Ambulante jeugdhulp", fmt.code("45A48", "Ambulante jeugdhulp"));
        assertEquals("45A48", fmt.code("45A48", null));
        assertEquals("Huisarts", fmt.code(null, "Huisarts"));
        assertEquals("02 · Huisarts", fmt.referrerType("02"));
        assertEquals("AMBULANT · Ambulante jeugdhulp", fmt.segment("AMBULANT"));
        assertEquals("CATEGORY_A", fmt.segment("CATEGORY_A"), "a region's own code without a known name");
    }

    @Test
    void showsNumbersAndPercentagesTheDutchWay() {
        assertEquals("2.750", fmt.number(2_750));
        assertEquals("62,5 %", fmt.percent(62.5));
    }

    @Test
    void namesTheCodesOfAllocationsAndRequests() {
        assertEquals("45A48 · Jeugdhulp ambulant", fmt.product("45A48", null));
        assertEquals("45A48 · Jeugdhulp ambulant", fmt.product("45A48", "45"));
        assertEquals("02 · Begeleiding", fmt.category("02"), "iWmo's WMO020");
        assertEquals("04 · uur", fmt.unit("04"));
        assertEquals("2 · per week", fmt.frequency("2"));
        assertEquals("2 uur per week", fmt.extent(2, "04", "2"));
        assertEquals("38 · Overstap naar andere aanbieder", fmt.endReason("38"));
        assertEquals("2 · Past niet binnen budget", fmt.rejectionReason("2"));
        assertEquals("Onderwijs", fmt.domain("EDUCATION"));
        assertEquals("0988 · Weert", fmt.municipality("0988"));
        assertEquals("Jeugdhulp De Brug (AGB 41000012)", fmt.provider("41000012", "Jeugdhulp De Brug"));
        assertEquals("AGB 41000012", fmt.provider("41000012", null));
        assertEquals("08", fmt.list("referrerTypes").get(6).getKey(), "COD327 has no 07");
    }
}
