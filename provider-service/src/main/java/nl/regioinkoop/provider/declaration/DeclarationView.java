package nl.regioinkoop.provider.declaration;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A declaration line as stored, with its answer. */
@Serdeable
record DeclarationView(UUID declarationLineId, UUID submissionId, UUID allocationId, String lineRef,
                       LocalDate periodStart, LocalDate periodEnd, String productCode, long volume, String unit,
                       long tariffCents, long amountCents, String status, String reasonCode, String reason,
                       Instant receivedAt) {
}
