/** Time: an injectable Clock. */
package nl.regioinkoop.kit.time;
