/** One Kafka configuration ({@code kafka.*}) for every client of a service, Micronaut's and the hand-built ones. */
package nl.regioinkoop.kit.kafka;
