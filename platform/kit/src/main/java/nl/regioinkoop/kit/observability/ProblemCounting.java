package nl.regioinkoop.kit.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import nl.regioinkoop.kit.problem.Problem;

/**
 * Counts every problem+json answer by its {@code type} and status ({@value #NAME}): a rise of one kind of refusal
 * (401s after a key rotation, 422s after a contract change) shows on a dashboard before a caller calls. Counted
 * where the answers leave, so the problems of the kit's handlers and of the framework's errors are counted alike.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(beans = MeterRegistry.class)
class ProblemCounting implements Ordered {
    static final String NAME = "regio.http.problems";

    private final MeterRegistry registry;
    private final String service;

    ProblemCounting(MeterRegistry registry, @Value("${micronaut.application.name:service}") String service) {
        this.registry = registry;
        this.service = service;
    }

    @ResponseFilter
    void count(MutableHttpResponse<?> response) {
        response.getBody().filter(Problem.class::isInstance).map(Problem.class::cast).ifPresent(problem -> Counter.builder(NAME)
                .description("problem+json answers (refusals and errors) by problem type")
                .tag("type", problem.getType() == null ? "none" : problem.getType())
                .tag("status", Integer.toString(problem.getStatus()))
                .tag("service", service)
                .register(registry)
                .increment());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
