package nl.regioinkoop.access.allocation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Allocations extends PageableRepository<Allocation, UUID> {
    Page<Allocation> findByMunicipalityCode(String municipalityCode, Pageable pageable);

    /** Remembers the RedenWijziging of the latest change, end or withdrawal, for the JW301. */
    @Query("update allocation set change_reason = :reason, changed_at = :at where id = :id")
    void recordChange(UUID id, String reason, Instant at);

    /** Running allocations that end between the dates (re-assessment due), soonest first: the worklist's. */
    @Query("""
            select * from allocation where municipality_code = :municipalityCode and status = 'ACTIVE'
            and valid_to >= :from and valid_to <= :to order by valid_to, id limit :limit""")
    List<Allocation> findEnding(String municipalityCode, LocalDate from, LocalDate to, int limit);

    @Query("""
            select count(*) from allocation where municipality_code = :municipalityCode and status = 'ACTIVE'
            and valid_to >= :from and valid_to <= :to""")
    long countEnding(String municipalityCode, LocalDate from, LocalDate to);

    /** A client's allocations, newest first (the resident's page). */
    @Query("select * from allocation where client_id = :clientId order by valid_from desc, id limit 100")
    List<Allocation> findByClient(UUID clientId);

    /** A referral's allocations, newest first. */
    @Query("select * from allocation where referral_id = :referralId order by issued_at desc, id")
    List<Allocation> findByReferral(UUID referralId);

    /** Locks the allocation: changes, ends and realisations of one allocation take turns. */
    @Query("select * from allocation where id = :id for update")
    Optional<Allocation> findByIdForUpdate(UUID id);
}
