/** The transactional outbox: events written with the state change, relayed to Kafka after commit. */
package nl.regioinkoop.kit.outbox;
