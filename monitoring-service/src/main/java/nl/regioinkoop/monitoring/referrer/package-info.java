/** Referrer grip: share of clients and spend per referrer type (COD327) per segment. */
package nl.regioinkoop.monitoring.referrer;
