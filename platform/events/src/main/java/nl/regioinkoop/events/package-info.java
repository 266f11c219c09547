/** The event catalogue shared by all services: topics, event records and their type names. */
package nl.regioinkoop.events;
