/** Waiting-time reports: from the client's request to the start of care, per allocation. */
package nl.regioinkoop.provider.waitingtime;
