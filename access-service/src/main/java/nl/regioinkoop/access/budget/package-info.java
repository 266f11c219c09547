/** Each municipality's budget lines per year: amount, committed and realised, never over-committed. */
package nl.regioinkoop.access.budget;
