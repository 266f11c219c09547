/** Contracts replicated from contracting-service: their state and the tariffs declarations are checked against. */
package nl.regioinkoop.provider.contract;
