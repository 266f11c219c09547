package nl.regioinkoop.kit.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list endpoint's paging, checked by {@link StrictQueryFilter} before the endpoint runs: the fields it may be
 * sorted by ({@code ?sort=registeredAt,desc}; any other is a 400, not an SQL error) and, where it differs from
 * the platform's {@code regio.input.max-page-size}, its largest page.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Paged {
    /** The properties {@code sort} may name; none: the list has one order of its own. */
    String[] sort() default {};

    /** The largest {@code size}; 0: the platform's. */
    int maxSize() default 0;
}
