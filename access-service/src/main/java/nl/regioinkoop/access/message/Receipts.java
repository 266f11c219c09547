package nl.regioinkoop.access.message;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A received message's fingerprint and the answer kept for it. */
final class Receipts {
    private Receipts() {
    }

    static String hash(byte[] xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageStore.Receipt of(String hash, Inbound.Reply reply) {
        return new MessageStore.Receipt(hash, reply.contentType(), reply.body());
    }

    static Inbound.Reply reply(MessageStore.Receipt receipt) {
        return new Inbound.Reply(receipt.answer(), receipt.contentType());
    }
}
