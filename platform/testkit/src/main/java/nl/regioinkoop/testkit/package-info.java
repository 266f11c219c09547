/** Real infrastructure for tests and the local run: PostgreSQL, a Kafka broker and signed tokens. */
package nl.regioinkoop.testkit;
