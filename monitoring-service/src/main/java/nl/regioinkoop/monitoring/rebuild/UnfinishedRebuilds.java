package nl.regioinkoop.monitoring.rebuild;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On every replica, now and then: a rebuild that did not finish (failed, or its replica died) is started again by
 * whichever replica looks first, so the read models do not stay fenced and half-built until someone notices.
 */
@Singleton
@Requires(property = "monitoring.rebuild.resume", notEquals = "false")
class UnfinishedRebuilds {
    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedRebuilds.class);

    private final Rebuild rebuild;

    UnfinishedRebuilds(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Scheduled(fixedDelay = "${monitoring.rebuild.resume-interval:10s}",
            initialDelay = "${monitoring.rebuild.resume-interval:10s}")
    void resume() {
        try {
            rebuild.resumeUnfinished();
        } catch (RuntimeException e) {
            LOG.warn("could not look for an unfinished rebuild, will look again: {}", e.toString());
        }
    }
}
