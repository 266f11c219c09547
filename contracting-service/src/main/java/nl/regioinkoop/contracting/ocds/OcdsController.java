package nl.regioinkoop.contracting.ocds;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.contracting.tender.Tender;
import nl.regioinkoop.contracting.tender.Tenders;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/tenders/{id}/ocds")
@Tag(name = "OCDS export")
class OcdsController {
    private final OcdsExport export;
    private final Tenders tenders;

    OcdsController(OcdsExport export, Tenders tenders) {
        this.export = export;
        this.tenders = tenders;
    }

    @Get
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "The tender with its awards and contracts as an OCDS 1.1 release package (ocid ocds-regio-<tender id>)")
    Map<String, Object> releasePackage(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Tender t = tenders.find(id).orElseThrow(() -> ProblemException.notFound("Tender " + id));
        if (caller.isRegionWide()) {
            caller.requireRegion(t.region());
        } else if (!t.phase().isPublished()) {
            throw ProblemException.notFound("Tender " + id);
        }
        return export.releasePackage(t);
    }
}
