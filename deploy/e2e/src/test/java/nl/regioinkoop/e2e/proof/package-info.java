/** Proofs that print their figures: budgets under concurrency, faults, hostile input, tenancy and privacy. */
package nl.regioinkoop.e2e.proof;
