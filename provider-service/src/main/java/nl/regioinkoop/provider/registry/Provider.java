package nl.regioinkoop.provider.registry;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A care provider known to the region, identified by its AGB code (Vektis). */
@Serdeable
@MappedEntity("provider")
public record Provider(@Id UUID id, String agbCode, String kvkNumber, String name, ProviderKind kind,
                       boolean active, Instant registeredAt, @Version long version) {
}
