/** Roles, tenant claims and the one check that refuses cross-tenant access. */
package nl.regioinkoop.kit.security;
