/** Reading events: decoding by type and the idempotent consumer's record of processed events. */
package nl.regioinkoop.kit.consumer;
