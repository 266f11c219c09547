package nl.regioinkoop.contracting.common;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a list: its items, which page (from 0), the page size and how many there are in all. */
@Serdeable
public record PageOf<T>(List<T> content, int page, int size, long totalSize) {

    /** Page and size as asked, within sane bounds: size 1-200, default 20. */
    public static int[] bounds(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw DomainProblem.invalid("page must be 0 or more, was " + p);
        }
        if (s < 1 || s > 200) {
            throw DomainProblem.invalid("size must be between 1 and 200, was " + s);
        }
        return new int[]{p, s};
    }
}
