package nl.regioinkoop.access.client;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Clients extends PageableRepository<Client, UUID> {
    Optional<Client> findByPseudonymAndMunicipalityCode(String pseudonym, String municipalityCode);

    Page<Client> findByMunicipalityCode(String municipalityCode, Pageable pageable);
}
