/** Allocations replicated from access-service, and the provider's reports on them: care started, stopped, outcome. */
package nl.regioinkoop.provider.allocation;
