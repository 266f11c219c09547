/** Errors as application/problem+json (RFC 9457), for the services' own refusals and the framework's errors. */
package nl.regioinkoop.kit.problem;
