package nl.regioinkoop.provider.registry;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Providers extends PageableRepository<Provider, UUID> {
    Optional<Provider> findByAgbCode(String agbCode);

    boolean existsByAgbCode(String agbCode);
}
