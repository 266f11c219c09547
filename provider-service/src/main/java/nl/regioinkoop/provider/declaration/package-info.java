/** Monthly declarations (the JW323/JW325 meaning): each line checked against the provider's own allocation and contract. */
package nl.regioinkoop.provider.declaration;
