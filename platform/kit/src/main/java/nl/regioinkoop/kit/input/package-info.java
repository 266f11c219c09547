/**
 * What a request may carry: JSON bound without coercion, text without control characters, dates on a calendar,
 * query parameters checked like body fields. Bad input is refused with a 400 that names the field, never
 * reinterpreted.
 */
package nl.regioinkoop.kit.input;
