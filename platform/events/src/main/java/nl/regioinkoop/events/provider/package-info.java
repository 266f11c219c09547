/** Events published by provider-service: the provider registry and provider reports. */
package nl.regioinkoop.events.provider;
