/** Read models built only from events, by idempotent consumers. */
package nl.regioinkoop.monitoring.projection;
