/** The access officer's worklist screen (/toegang/): what waits for the officer's municipality today. */
package nl.regioinkoop.access.worklist;
