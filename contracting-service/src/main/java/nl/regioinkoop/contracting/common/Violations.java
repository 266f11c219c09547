package nl.regioinkoop.contracting.common;

import nl.regioinkoop.kit.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request, so the caller learns all of them in one answer. */
public final class Violations {
    private final List<Problem.Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new Problem.Violation(field, message));
        return this;
    }

    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws a 400 problem naming every violation, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw DomainProblem.invalid(List.copyOf(found));
        }
    }
}
