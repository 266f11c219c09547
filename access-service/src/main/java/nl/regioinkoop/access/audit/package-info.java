/** The append-only audit log of every read or change of client data, including refusals. */
package nl.regioinkoop.access.audit;
