/** Local replicas of contract terms and providers, fed by their owners' events, to validate allocations. */
package nl.regioinkoop.access.contract;
