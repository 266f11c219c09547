/** The regional models seen in the field, loaded as configuration through the services' own APIs. */
package nl.regioinkoop.local.scenario;
