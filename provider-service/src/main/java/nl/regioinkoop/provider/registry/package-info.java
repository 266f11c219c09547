/** The provider registry: providers with their AGB code, KvK number and kind. */
package nl.regioinkoop.provider.registry;
