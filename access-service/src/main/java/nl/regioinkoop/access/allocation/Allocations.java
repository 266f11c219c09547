package nl.regioinkoop.access.allocation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Allocations extends PageableRepository<Allocation, UUID> {
    Page<Allocation> findByMunicipalityCode(String municipalityCode, Pageable pageable);

    /** Remembers the RedenWijziging of the latest change, end or withdrawal, for the JW301. */
    @Query("update allocation set change_reason = :reason, changed_at = :at where id = :id")
    void recordChange(UUID id, String reason, Instant at);

    /** Locks the allocation: changes, ends and realisations of one allocation take turns. */
    @Query("select * from allocation where id = :id for update")
    Optional<Allocation> findByIdForUpdate(UUID id);
}
