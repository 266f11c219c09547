/** Plain SQL with positional parameters: the read models are queried and maintained with set-based statements. */
package nl.regioinkoop.monitoring.sql;
