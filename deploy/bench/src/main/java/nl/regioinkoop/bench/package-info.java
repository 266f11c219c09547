/** The benchmark: the platform driven over HTTP like its users, each figure set against this machine's own limits. */
package nl.regioinkoop.bench;
