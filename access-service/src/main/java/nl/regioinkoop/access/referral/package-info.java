/** Referrals, providers' requests for allocation (JW315 meaning) with their answer deadline, and triage. */
package nl.regioinkoop.access.referral;
