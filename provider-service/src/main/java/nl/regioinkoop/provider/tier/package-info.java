/** Tiers per region (EVERYONE, PLUS_PARTNER, CORE_PARTNER), set by the procurement office with a reason and kept with history. */
package nl.regioinkoop.provider.tier;
