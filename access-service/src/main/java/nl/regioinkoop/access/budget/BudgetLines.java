package nl.regioinkoop.access.budget;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BudgetLines extends PageableRepository<BudgetLine, UUID> {
    Optional<BudgetLine> findByMunicipalityCodeAndYearAndLine(String municipalityCode, int year, String line);

    Page<BudgetLine> findByMunicipalityCode(String municipalityCode, Pageable pageable);

    /** The line of {@code preferred} if the municipality has one that year, else the line of {@code otherwise}. */
    @Query("select * from budget_line where municipality_code = :municipalityCode and year = :year "
            + "and line in (:preferred, :otherwise) order by line = :preferred desc limit 1")
    Optional<BudgetLine> findPreferredLine(String municipalityCode, int year, String preferred, String otherwise);

    @Query("update budget_line set amount_cents = :amountCents, updated_at = now() "
            + "where id = :id and committed_cents + realised_cents <= :amountCents")
    long updateAmount(UUID id, long amountCents);

    Page<BudgetLine> findByMunicipalityCodeAndYear(String municipalityCode, int year, Pageable pageable);
}
