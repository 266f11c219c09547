/** What an on-call person needs: request ids across HTTP, outbox and consumers; outbox backlog and refusal metrics; outbox health. */
package nl.regioinkoop.kit.observability;
