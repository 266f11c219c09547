/** iStandaarden (iJw/iWmo 3.2) messages in and out: 305, 307 and 323 received and answered with 306, 308 and 325. */
package nl.regioinkoop.provider.message;
