package nl.regioinkoop.access.budget;

import io.micronaut.http.HttpStatus;
import nl.regioinkoop.kit.problem.ProblemException;

import java.math.BigDecimal;

/** 422 budget-exceeded: the commitment does not fit the line; names what remains, and nothing changed. */
public class BudgetExceeded extends ProblemException {
    BudgetExceeded(BudgetLine line, long neededCents) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "budget-exceeded", "Budget exceeded",
                "Budget line " + line.line() + " " + line.year() + " of " + line.municipalityCode() + " has "
                        + euros(line.remainingCents()) + " remaining (" + line.remainingCents() + " cents); this needs "
                        + euros(neededCents) + " (" + neededCents + " cents)");
        with("remainingCents", line.remainingCents());
        with("neededCents", neededCents);
        with("budgetLineId", line.id());
    }

    static String euros(long cents) {
        return "EUR " + BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
