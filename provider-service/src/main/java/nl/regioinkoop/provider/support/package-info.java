/** What the reporting features share: plain SQL, the batched outbox and idempotent submissions. */
package nl.regioinkoop.provider.support;
