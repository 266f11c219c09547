package nl.regioinkoop.provider.support;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;
import nl.regioinkoop.kit.consumer.EventJson;

import java.util.List;

/**
 * Appends many events to the kit's outbox table in one JDBC batch, in the caller's transaction: the same rows
 * {@code Outbox#append} writes, without a round trip per event (a bulk declaration yields tens of thousands).
 */
@Singleton
public class BatchOutbox {
    private final Sql sql;
    private final EventJson json;

    BatchOutbox(Sql sql, EventJson json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void appendAll(String topic, List<? extends DomainEvent> events) {
        sql.batch("insert into outbox (event_id, topic, message_key, event_type, payload) values (?, ?, ?, ?, ?)",
                events, (st, event) -> {
                    st.setObject(1, event.eventId());
                    st.setString(2, topic);
                    st.setString(3, event.aggregateId());
                    st.setString(4, EventCatalogue.typeOf(event));
                    st.setString(5, json.encode(event));
                });
    }
}
