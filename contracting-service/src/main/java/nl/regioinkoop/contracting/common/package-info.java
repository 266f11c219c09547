/** What the features share: code checks, parties of a bid or contract, pages, SQL and JSON documents, problem types. */
package nl.regioinkoop.contracting.common;
