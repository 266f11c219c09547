/** Consortia: providers joining forces under a lead (main contractor), each member with a role and a share. */
package nl.regioinkoop.provider.consortium;
