/** Contracts: their terms (products, tariffs, municipalities, term, ceiling), and extension, amendment, indexation, suspension and termination with history. */
package nl.regioinkoop.contracting.contract;
