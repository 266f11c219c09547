package nl.regioinkoop.contracting.common;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a list: its items, which page (from 0), the page size and how many there are in all. */
@Serdeable
public record PageOf<T>(List<T> content, int page, int size, long totalSize) {

    /** One page of a list that is already in memory (the items of one tender, which stay few). */
    public static <T> PageOf<T> slice(List<T> all, Integer page, Integer size) {
        int[] b = bounds(page, size);
        int from = (int) Math.min((long) b[0] * b[1], all.size());
        int to = Math.min(from + b[1], all.size());
        return new PageOf<>(List.copyOf(all.subList(from, to)), b[0], b[1], all.size());
    }

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
