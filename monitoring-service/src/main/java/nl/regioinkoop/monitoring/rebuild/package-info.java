/** Rebuilding every read model from the beginning of the topics. */
package nl.regioinkoop.monitoring.rebuild;
