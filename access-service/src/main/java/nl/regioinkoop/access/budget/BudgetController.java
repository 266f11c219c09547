package nl.regioinkoop.access.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.BudgetSet;
import nl.regioinkoop.kit.input.Paged;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

/** Each municipality's own budget lines: set by its access officers, read by them and its analysts. */
@Controller("/api/v1/budgets")
@Tag(name = "Budgets")
@ExecuteOn(TaskExecutors.BLOCKING)
class BudgetController {
    private final BudgetLines lines;
    private final Outbox outbox;
    private final Clock clock;

    BudgetController(BudgetLines lines, Outbox outbox, Clock clock) {
        this.lines = lines;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Serdeable
    record ChangeAmount(@PositiveOrZero long amountCents) {
    }

    @Post
    @Secured(Roles.ACCESS_OFFICER)
    @Transactional
    @Operation(summary = "Set a budget line (segment or product category) for a year")
    HttpResponse<BudgetLine> create(@Body @Valid SetBudget command, Authentication authentication) {
        Caller.of(authentication).requireMunicipality(command.municipalityCode());
        if (lines.findByMunicipalityCodeAndYearAndLine(command.municipalityCode(), command.year(), command.line()).isPresent()) {
            throw ProblemException.conflict("budget-line-exists", "Budget line exists", "Budget line " + command.line()
                    + " " + command.year() + " of " + command.municipalityCode() + " exists: change its amount with PUT");
        }
        BudgetLine line = lines.save(new BudgetLine(UUID.randomUUID(), command.municipalityCode(), command.year(),
                command.line(), command.amountCents(), 0, 0, clock.instant()));
        announce(line);
        return HttpResponse.created(line, URI.create("/api/v1/budgets/" + line.id()));
    }

    @Put("/{id}")
    @Secured(Roles.ACCESS_OFFICER)
    @Transactional
    @Operation(summary = "Change a budget line's amount; it cannot drop below what is committed and realised")
    BudgetLine change(@PathVariable UUID id, @Body @Valid ChangeAmount body, Authentication authentication) {
        BudgetLine line = lines.findById(id).orElseThrow(() -> ProblemException.notFound("Budget line " + id));
        Caller.of(authentication).requireMunicipality(line.municipalityCode());
        // one conditional update, so a commitment racing with this change cannot end up above the new amount
        if (lines.updateAmount(id, body.amountCents()) == 0) {
            BudgetLine now = lines.findById(id).orElseThrow();
            long claimed = now.committedCents() + now.realisedCents();
            throw ProblemException.unprocessable("budget-below-commitments", "Budget below commitments",
                    "Budget line " + now.line() + " " + now.year() + " has " + claimed
                            + " cents committed and realised; the amount cannot be lower").with("claimedCents", claimed);
        }
        BudgetLine changed = lines.findById(id).orElseThrow();
        announce(changed);
        return changed;
    }

    @Get("/{id}")
    @Secured({Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST})
    @Operation(summary = "One budget line: amount, committed, realised")
    BudgetLine byId(@PathVariable UUID id, Authentication authentication) {
        BudgetLine line = lines.findById(id).orElseThrow(() -> ProblemException.notFound("Budget line " + id));
        Caller.of(authentication).requireMunicipality(line.municipalityCode());
        return line;
    }

    @Get
    @Secured({Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST})
    @Operation(summary = "Your municipality's budget lines, optionally of one year")
    @Paged(sort = {"year", "line", "amountCents"})
    Page<BudgetLine> list(@Nullable @QueryValue Integer year, Pageable pageable, Authentication authentication) {
        String municipality = Caller.of(authentication).municipalityCode();
        return year == null ? lines.findByMunicipalityCode(municipality, pageable)
                : lines.findByMunicipalityCodeAndYear(municipality, year, pageable);
    }

    private void announce(BudgetLine line) {
        outbox.append(Topics.BUDGETS_V1, new BudgetSet(Outbox.newEventId(), clock.instant(), line.id(),
                line.municipalityCode(), line.year(), line.line(), line.amountCents()));
    }
}
