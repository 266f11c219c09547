/** Budgets per municipality and line against commitment, realisation and the forecast of year-end spend. */
package nl.regioinkoop.monitoring.budget;
