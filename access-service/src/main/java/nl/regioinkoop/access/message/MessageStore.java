package nl.regioinkoop.access.message;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The requests that came in as messages (with the provider's reference), the receipts of messages, numbered allocations. */
@Singleton
class MessageStore {
    private final JdbcOperations jdbc;

    MessageStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A request (referral) registered from a JW315/JW317 or its iWmo twin. */
    record Request(UUID referralId, String messageType, String providerAgb, String providerReference,
                   String messageId) {
    }

    /** The RedenWijziging of an allocation's latest change and when it was made. */
    record Change(String reason, Instant at) {
    }

    /** The answer given to a message, kept so that the same message again gets it back. */
    record Receipt(String requestHash, String contentType, byte[] answer) {
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(String sql, Row<T> row, Object... params) {
        return jdbc.prepareStatement(sql, st -> {
            try {
                bind(st, params);
                List<T> found = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(row.map(rs));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void update(String sql, Object... params) {
        jdbc.prepareStatement(sql, st -> {
            try {
                bind(st, params);
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }

    Optional<Request> requestOf(UUID referralId) {
        return list("select * from message_request where referral_id = ?", MessageStore::request, referralId)
                .stream().findFirst();
    }

    boolean referenceUsed(String providerAgb, String providerReference) {
        return !list("select 1 from message_request where provider_agb = ? and provider_reference = ?",
                rs -> 1, providerAgb, providerReference).isEmpty();
    }

    void saveRequest(Request request) {
        update("""
                insert into message_request (referral_id, message_type, provider_agb, provider_reference, message_id)
                values (?, ?, ?, ?, ?)""", request.referralId(), request.messageType(), request.providerAgb(),
                request.providerReference(), request.messageId());
    }

    Optional<Receipt> receipt(String sender, String type, String messageId) {
        return list("""
                        select request_hash, content_type, answer from message_receipt
                        where sender = ? and message_type = ? and message_id = ?""",
                rs -> new Receipt(rs.getString(1), rs.getString(2), rs.getBytes(3)), sender, type, messageId)
                .stream().findFirst();
    }

    void saveReceipt(String sender, String type, String messageId, Receipt receipt) {
        update("""
                insert into message_receipt (sender, message_type, message_id, request_hash, content_type, answer)
                values (?, ?, ?, ?, ?, ?)""", sender, type, messageId, receipt.requestHash(), receipt.contentType(),
                receipt.answer());
    }

    /** The client's active allocation at this provider with this number, if there is exactly one. */
    Optional<UUID> activeAllocation(UUID clientId, String providerAgb, long number) {
        List<UUID> ids = list("""
                        select id from allocation where client_id = ? and provider_agb = ? and allocation_number = ?
                          and status = 'ACTIVE'""", rs -> rs.getObject(1, UUID.class), clientId, providerAgb, number);
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /** A request of this provider for this client that has not been answered yet. */
    boolean requestPending(UUID clientId, String providerAgb) {
        return !list("""
                select 1 from referral where client_id = ? and requesting_provider_agb = ? and answered_on is null""",
                rs -> 1, clientId, providerAgb).isEmpty();
    }

    /** RedenWijziging and moment of the allocation's latest change, end or withdrawal, if any. */
    Optional<Change> lastChange(UUID allocationId) {
        return list("select change_reason, changed_at from allocation where id = ? and change_reason is not null",
                rs -> new Change(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()), allocationId)
                .stream().findFirst();
    }

    private static Request request(ResultSet rs) throws SQLException {
        return new Request(rs.getObject("referral_id", UUID.class), rs.getString("message_type"),
                rs.getString("provider_agb"), rs.getString("provider_reference"), rs.getString("message_id"));
    }
}
