package nl.regioinkoop.access.referral;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Dutch working days: no weekends and no national public holidays (New Year, Easter Monday, King's Day, Liberation
 * Day in lustrum years, Ascension, Whit Monday, Christmas). Good Friday is not a general day off and counts.
 */
public final class WorkingDays {
    private WorkingDays() {
    }

    /**
     * The working days from {@code today} until {@code deadline}: 0 when the deadline is today, 1 when it is the next
     * working day; below zero the working days it has passed (-1: it was the previous working day).
     */
    public static int left(LocalDate today, LocalDate deadline) {
        int days = 0;
        if (deadline.isAfter(today)) {
            for (LocalDate d = today.plusDays(1); !d.isAfter(deadline); d = d.plusDays(1)) {
                days += isWorkingDay(d) ? 1 : 0;
            }
            return days;
        }
        for (LocalDate d = deadline.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            days -= isWorkingDay(d) ? 1 : 0;
        }
        return days;
    }

    static LocalDate plus(LocalDate start, int workingDays) {
        LocalDate day = start;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !isPublicHoliday(day);
    }

    static boolean isPublicHoliday(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        if (Set.of(MonthDay.of(1, 1), MonthDay.of(12, 25), MonthDay.of(12, 26)).contains(md)) {
            return true;
        }
        if (md.equals(kingsDay(day.getYear()))) {
            return true;
        }
        if (md.equals(MonthDay.of(5, 5)) && day.getYear() % 5 == 0) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        return day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39)) || day.equals(easter.plusDays(50));
    }

    /** 27 April, or the 26th when the 27th is a Sunday. */
    private static MonthDay kingsDay(int year) {
        LocalDate d = LocalDate.of(year, 4, 27);
        return d.getDayOfWeek() == DayOfWeek.SUNDAY ? MonthDay.of(4, 26) : MonthDay.of(4, 27);
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
