/** Residents known to access: BSN (the elfproef-checked identity), name, birth date and their pseudonym. */
package nl.regioinkoop.access.client;
