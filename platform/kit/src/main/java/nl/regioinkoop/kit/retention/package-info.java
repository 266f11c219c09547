/** Nothing grows for ever: rows past their retention are purged on a schedule, each kind by its own rule. */
package nl.regioinkoop.kit.retention;
