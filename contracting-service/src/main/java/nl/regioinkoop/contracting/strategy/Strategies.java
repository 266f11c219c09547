package nl.regioinkoop.contracting.strategy;

import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.Documents;
import nl.regioinkoop.contracting.common.Sql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class Strategies {
    private final Sql sql;
    private final Documents documents;

    Strategies(Sql sql, Documents documents) {
        this.sql = sql;
        this.documents = documents;
    }

    void insert(Strategy s) {
        sql.update("insert into strategy (id, region, round, segment, adopted_at, document) values (?, ?, ?, ?, ?, ?::jsonb)",
                s.id(), s.region(), s.round(), s.segment(), s.adoptedAt(), documents.write(s));
    }

    boolean exists(String region, String round, String segment) {
        return sql.count("select count(*) from strategy where region = ? and round = ? and segment = ?",
                region, round, segment) > 0;
    }

    /** The region's strategy for a segment in a round, if it adopted one. */
    public Optional<Strategy> find(String region, String round, String segment) {
        return sql.one("select document::text from strategy where region = ? and round = ? and segment = ?",
                rs -> documents.read(rs.getString(1), Strategy.class), region, round, segment);
    }

    public Optional<Strategy> find(UUID id) {
        return sql.one("select document::text from strategy where id = ?",
                rs -> documents.read(rs.getString(1), Strategy.class), id);
    }

    List<Strategy> page(String region, int page, int size) {
        return sql.query("select document::text from strategy where region = ? order by adopted_at, id limit ? offset ?",
                rs -> documents.read(rs.getString(1), Strategy.class), region, size, (long) page * size);
    }

    long count(String region) {
        return sql.count("select count(*) from strategy where region = ?", region);
    }
}
