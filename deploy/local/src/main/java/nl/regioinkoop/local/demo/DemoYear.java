package nl.regioinkoop.local.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The demo region's year as the forecast backtest needs it, completed: the same plan (seed, 2,750 clients) as the
 * local run loads, read on 1 January of the next year, so every month of the year is declared. Writes one CSV line
 * per allocation (as access-service commits it: tariff x volume x days / 7, half up) and per allocation-month of
 * declared spend (as the loader declares it). Allocations the live run refuses for lack of budget are included.
 * {@code java -cp deploy/local/target/classes nl.regioinkoop.local.demo.DemoYear <file> [clients]}
 */
public final class DemoYear {
    private DemoYear() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/demo-year.csv");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2750;
        LocalDate readOn = LocalDate.of(RegionPlan.YEAR + 1, 1, 1);
        RegionPlan plan = new RegionPlan(clients, readOn, 20_260_101L);
        LocalDate lastDeclarable = LocalDate.of(RegionPlan.YEAR, 12, 31);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        int allocations = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("kind,id,municipality,segment,from,to,cents");
            for (RegionPlan.Journey j : plan.journeys) {
                if (!j.specialistCare()) {
                    continue;
                }
                String id = String.format("00000000-0000-4000-8000-%012d", ++allocations);
                long days = ChronoUnit.DAYS.between(j.start(), j.end()) + 1;
                long committed = BigDecimal.valueOf(j.segment().tariffCents())
                        .multiply(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(7), MathContext.DECIMAL128)
                                .multiply(BigDecimal.valueOf(j.segment().unitsPerWeek())))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                w.println(String.join(",", "allocation", id, j.municipality().code(), j.segment().code(),
                        j.start().toString(), j.end().toString(), Long.toString(committed)));
                for (RegionPlan.Declared d : RegionPlan.declared(j, lastDeclarable)) {
                    w.println(String.join(",", "spend", id, "", "", YearMonth.from(d.from()).atDay(1).toString(), "",
                            Long.toString(d.amountCents())));
                }
            }
        }
        System.out.println("demo year " + RegionPlan.YEAR + ": " + allocations + " allocations written to " + out);
    }
}
