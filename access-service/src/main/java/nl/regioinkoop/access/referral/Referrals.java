package nl.regioinkoop.access.referral;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Referrals extends PageableRepository<Referral, UUID> {
    Page<Referral> findByMunicipalityCode(String municipalityCode, Pageable pageable);

    /** Requests not answered by their deadline, most overdue first. */
    @Query(value = """
            select * from referral where municipality_code = :municipalityCode and requesting_provider_agb is not null
            and answered_on is null and answer_deadline < :today order by answer_deadline, id""",
            countQuery = """
            select count(*) from referral where municipality_code = :municipalityCode
            and requesting_provider_agb is not null and answered_on is null and answer_deadline < :today""")
    Page<Referral> findOverdue(String municipalityCode, LocalDate today, Pageable pageable);

    /** New referrals not yet triaged (not providers' requests), crises first, then oldest first: the worklist's. */
    @Query("""
            select * from referral where municipality_code = :municipalityCode and requesting_provider_agb is null
            and outcome is null order by crisis desc, referral_date, id limit :limit""")
    List<Referral> findToTriage(String municipalityCode, int limit);

    @Query("""
            select count(*) from referral where municipality_code = :municipalityCode
            and requesting_provider_agb is null and outcome is null""")
    long countToTriage(String municipalityCode);

    @Query("""
            select count(*) from referral where municipality_code = :municipalityCode
            and requesting_provider_agb is not null and answered_on is null""")
    long countOpenRequests(String municipalityCode);

    /** Providers' requests for allocation not answered yet, nearest (or passed) deadline first. */
    @Query("""
            select * from referral where municipality_code = :municipalityCode and requesting_provider_agb is not null
            and answered_on is null order by answer_deadline, id limit :limit""")
    List<Referral> findOpenRequests(String municipalityCode, int limit);

    /** A client's referrals and requests, newest first (the resident's page). */
    @Query("select * from referral where client_id = :clientId order by referral_date desc, registered_at desc limit 100")
    List<Referral> findByClient(UUID clientId);

    /** Locks the referral, so two answers to one request cannot both win. */
    @Query("select * from referral where id = :id for update")
    Optional<Referral> findByIdForUpdate(UUID id);
}
