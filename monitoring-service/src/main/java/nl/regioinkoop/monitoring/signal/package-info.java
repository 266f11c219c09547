/** Signals: upcoding, contract ceilings, budget lines forecast to overrun, overdue requests for allocation. */
package nl.regioinkoop.monitoring.signal;
