/**
 * What access's screens share beyond platform/web: the forms' idempotency keys ({@link
 * nl.regioinkoop.access.screen.FormSubmissions}) and reading a submitted form into a use case's command with the
 * API's own bean validation ({@link nl.regioinkoop.access.screen.Screens}).
 */
package nl.regioinkoop.access.screen;
