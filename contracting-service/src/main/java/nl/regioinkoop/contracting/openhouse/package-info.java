/** Open house: a standing admission procedure; a provider that meets the requirements is admitted at any moment of the term. */
package nl.regioinkoop.contracting.openhouse;
