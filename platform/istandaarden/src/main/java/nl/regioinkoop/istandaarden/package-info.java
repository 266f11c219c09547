/** iJw and iWmo release 3.2 messages: read, write and validate against the standard's schemas. */
package nl.regioinkoop.istandaarden;
