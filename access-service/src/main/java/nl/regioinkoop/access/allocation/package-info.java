/** Allocations of contracted products to providers, their expected cost, changes and ends. */
package nl.regioinkoop.access.allocation;
