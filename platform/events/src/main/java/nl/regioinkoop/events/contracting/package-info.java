/** Events published by contracting-service. */
package nl.regioinkoop.events.contracting;
