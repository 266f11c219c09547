/** Events published by access-service. */
package nl.regioinkoop.events.access;
