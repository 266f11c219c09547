/** Tenders: lots, phases with their guards, questions and the memorandum of information, bids, scores, ranking and award. */
package nl.regioinkoop.contracting.tender;
