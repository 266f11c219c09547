/** Export of a tender with its awards and contracts as an OCDS 1.1 release package (ocid prefix ocds-regio-). */
package nl.regioinkoop.contracting.ocds;
