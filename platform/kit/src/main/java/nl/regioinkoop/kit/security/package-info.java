/**
 * Roles, tenant claims and the one check that refuses cross-tenant access; which tokens are trusted (lifetime,
 * issuer, audience, shared-secret tokens only where turned on); no start with a key published in the repository.
 */
package nl.regioinkoop.kit.security;
