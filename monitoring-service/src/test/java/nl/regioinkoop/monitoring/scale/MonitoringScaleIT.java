package nl.regioinkoop.monitoring.scale;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.regioinkoop.monitoring.sql.Db;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;

/**
 * Prints (never asserts) how long each figure takes on read models of a large region: 600k allocations of 500k
 * clients, 3 M allocation-months of spend, written straight into the tables. Off by default (it takes minutes):
 * {@code ./mvnw -B verify -pl monitoring-service -Dtest=MonitoringScaleIT -Dmonitoring.scale=true}.
 */
@MicronautTest(transactional = false)
@EnabledIfSystemProperty(named = "monitoring.scale", matches = "true")
class MonitoringScaleIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected String databaseName() {
        return "monitoring_scale";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.today", "2031-04-15");
    }

    @Test
    void printsHowLongEachFigureTakesAtRegionScale() {
        long started = System.nanoTime();
        transactions.executeWrite(status -> {
            db.execute("truncate allocation_fact, spend_month, spend_slice_month");
            db.execute("""
                    insert into allocation_fact (allocation_id, municipality_code, client_pseudonym, provider_agb,
                      segment, profile, intensity, referrer_type, budget_line, valid_from, valid_to, committed_cents,
                      status)
                    select gen_random_uuid(), (array['0988','0946','1640'])[1 + i % 3], 'ps-' || (i % 500000),
                      (10000000 + i % 100)::text, (array['AMBULANT','VERBLIJF','WONEN','DAG','CRISIS'])[1 + i % 5],
                      'P' || (i % 9), 1 + i % 5, (array['01','02','03','04','05','06','08'])[1 + i % 7], 'AMBULANT',
                      date '2031-01-01' + (i % 200), date '2031-06-30' + (i % 180), 100000, 'ACTIVE'
                    from generate_series(1, 600000) i""");
            db.execute("""
                    insert into spend_month (allocation_id, month, realised_cents, lines)
                    select a.allocation_id, m, 10000, 4 from allocation_fact a,
                      generate_series(date '2031-01-01', date '2031-05-01', interval '1 month') m""");
            db.execute("""
                    insert into spend_slice_month select s.month, a.municipality_code, a.segment, a.profile,
                      a.provider_agb, a.referrer_type, sum(s.realised_cents)
                    from spend_month s join allocation_fact a using (allocation_id) group by 1, 2, 3, 4, 5, 6""");
            db.execute("analyze");
            return null;
        });
        System.out.println("SCALE loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        Api api = new Api(server.getURL().toString());
        String token = tokens.regionAnalyst("MLW");
        for (String path : new String[]{"/api/v1/pyramid", "/api/v1/budgets", "/api/v1/referrers",
                "/api/v1/scorecards", "/api/v1/market", "/api/v1/signals", "/api/v1/referrals",
                "/api/v1/pyramid?municipality=0988&segment=AMBULANT"}) {
            long[] ms = new long[7];
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                Api.Response response = api.get(path, token);
                ms[i] = (System.nanoTime() - s) / 1_000_000;
                if (response.status() != 200) {
                    throw new IllegalStateException(response.toString());
                }
            }
            Arrays.sort(ms);
            System.out.println("SCALE " + path + " median " + ms[3] + " ms, max " + ms[6] + " ms");
        }
    }
}
