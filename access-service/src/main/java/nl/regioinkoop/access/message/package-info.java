/** iStandaarden (iJw/iWmo 3.2) messages in and out: 301 and 319 for the provider, 315 and 317 received and answered with 316 and 318. */
package nl.regioinkoop.access.message;
