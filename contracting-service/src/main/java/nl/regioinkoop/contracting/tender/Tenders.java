package nl.regioinkoop.contracting.tender;

import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.Documents;
import nl.regioinkoop.contracting.common.Sql;
import nl.regioinkoop.events.contracting.ConsortiumMember;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenders, their bids, scores and questions. */
@Singleton
public class Tenders {
    private final Sql sql;
    private final Documents documents;

    Tenders(Sql sql, Documents documents) {
        this.sql = sql;
        this.documents = documents;
    }

    void insert(Tender t) {
        sql.update("insert into tender (id, region, strategy_id, phase, created_at, document) values (?, ?, ?, ?, ?, ?::jsonb)",
                t.id(), t.region(), t.strategyId(), t.phase().name(), t.createdAt(), documents.write(t));
    }

    public void update(Tender t) {
        sql.update("update tender set phase = ?, document = ?::jsonb where id = ?", t.phase().name(),
                documents.write(t), t.id());
    }

    /** Locks the tender for the rest of the transaction: its phase cannot change under a bid or an award. */
    public Optional<Tender> lock(UUID id) {
        return sql.one("select document::text from tender where id = ? for update",
                rs -> documents.read(rs.getString(1), Tender.class), id);
    }

    public Optional<Tender> find(UUID id) {
        return sql.one("select document::text from tender where id = ?",
                rs -> documents.read(rs.getString(1), Tender.class), id);
    }

    List<Tender> page(String region, boolean publishedOnly, int page, int size) {
        return sql.query("select document::text from tender where (?::text is null or region = ?) "
                        + "and (not ? or phase <> 'PREPARATION' and phase <> 'MARKET_CONSULTATION') "
                        + "order by created_at, id limit ? offset ?",
                rs -> documents.read(rs.getString(1), Tender.class), region, region, publishedOnly, size,
                (long) page * size);
    }

    long count(String region, boolean publishedOnly) {
        return sql.count("select count(*) from tender where (?::text is null or region = ?) "
                + "and (not ? or phase <> 'PREPARATION' and phase <> 'MARKET_CONSULTATION')", region, region, publishedOnly);
    }

    public void insertBid(Bid b) {
        sql.update("""
                insert into bid (id, tender_id, lot_id, lead_agb, party_agbs, kind, submitted_at, document)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", b.id(), b.tenderId(), b.lotId(), b.leadAgb(),
                b.parties().stream().map(ConsortiumMember::agbCode).toList(), b.kind(), b.submittedAt(),
                documents.write(b));
    }

    void updateBid(Bid b) {
        sql.update("update bid set document = ?::jsonb where id = ?", documents.write(b), b.id());
    }

    public boolean bidExists(UUID tenderId, UUID lotId, String leadAgb) {
        return sql.count("select count(*) from bid where tender_id = ? and lot_id = ? and lead_agb = ?",
                tenderId, lotId, leadAgb) > 0;
    }

    public List<Bid> bids(UUID tenderId) {
        return sql.query("select document::text from bid where tender_id = ? order by submitted_at, id",
                rs -> documents.read(rs.getString(1), Bid.class), tenderId);
    }

    Optional<Bid> bid(UUID tenderId, UUID bidId) {
        return sql.one("select document::text from bid where tender_id = ? and id = ?",
                rs -> documents.read(rs.getString(1), Bid.class), tenderId, bidId);
    }

    void score(UUID tenderId, UUID bidId, String evaluator, String criterion, BigDecimal score) {
        sql.update("""
                insert into score (tender_id, bid_id, evaluator, criterion, score) values (?, ?, ?, ?, ?)
                on conflict (bid_id, evaluator, criterion) do update set score = excluded.score""",
                tenderId, bidId, evaluator, criterion, score);
    }

    @io.micronaut.serde.annotation.Serdeable
    record Score(UUID bidId, String evaluator, String criterion, BigDecimal score) {
    }

    List<Score> scores(UUID tenderId) {
        return sql.query("select bid_id, evaluator, criterion, score from score where tender_id = ? "
                        + "order by bid_id, criterion, evaluator",
                rs -> new Score(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)),
                tenderId);
    }

    public boolean questionsExist(UUID tenderId) {
        return sql.count("select count(*) from question where tender_id = ?", tenderId) > 0;
    }

    int nextQuestionNumber(UUID tenderId) {
        return (int) sql.count("select coalesce(max(number), 0) + 1 from question where tender_id = ?", tenderId);
    }

    void insertQuestion(Question q) {
        sql.update("""
                insert into question (id, tender_id, number, lot_id, asked_by, asked_at, text)
                values (?, ?, ?, ?, ?, ?, ?)""", q.id(), q.tenderId(), q.number(), q.lotId(), q.askedBy(),
                q.askedAt(), q.text());
    }

    int answer(UUID tenderId, UUID questionId, String answer, String by, Instant at) {
        return sql.update("update question set answer = ?, answered_by = ?, answered_at = ? where tender_id = ? and id = ?",
                answer, by, at, tenderId, questionId);
    }

    List<Question> questions(UUID tenderId) {
        return sql.query("""
                select id, tender_id, number, lot_id, asked_by, asked_at, text, answer, answered_at from question
                where tender_id = ? order by number""",
                rs -> new Question(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getString(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()),
                tenderId);
    }
}
