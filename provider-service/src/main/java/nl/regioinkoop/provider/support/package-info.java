/** What the reporting features share: plain SQL (with COPY) and idempotent submissions. */
package nl.regioinkoop.provider.support;
