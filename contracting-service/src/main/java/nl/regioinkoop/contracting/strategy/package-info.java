/** Procurement strategy per segment per round: Kraljic quadrant, funding model, contract form, target providers, goals. */
package nl.regioinkoop.contracting.strategy;
