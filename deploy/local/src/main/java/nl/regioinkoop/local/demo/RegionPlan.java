package nl.regioinkoop.local.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Midden-Limburg West in numbers: about 2,750 youth clients and €17.9 M of youth spend a year over Weert, Nederweert
 * and Leudal, segment shares like DOMAIN.md's table (few clients in residential treatment take about a third of the
 * spend), 30 providers of which three form a consortium, and a year of care journeys. Deterministic: the same seed
 * gives the same region.
 */
public final class RegionPlan {
    public static final String REGION = "MLW";
    public static final int YEAR = 2026;

    public record Municipality(String code, String name, double share) {
    }

    /** A youth segment with its product, P×Q tariff and the shape of a typical journey in it. */
    public record Segment(String code, String label, String productCategory, String productCode, String unit,
                         long tariffCents, int unitsPerWeek, int minWeeks, int maxWeeks, double clientShare) {
        long weeklyCents() {
            return tariffCents * unitsPerWeek;
        }
    }

    public record Provider(String agb, String kvk, String name, String kind, String segment) {
    }

    public record Journey(String bsn, String name, LocalDate birthDate, Municipality municipality, Segment segment,
                          String referrerType, String profile, int intensity, boolean specialistCare,
                          Provider provider, LocalDate referralDate, LocalDate start, LocalDate end,
                          String stopReason, String goalRealised, int satisfaction) {
        boolean ended(LocalDate today) {
            return end.isBefore(today);
        }
    }

    public static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("0988", "Weert", 0.48),
            new Municipality("0946", "Nederweert", 0.17),
            new Municipality("1640", "Leudal", 0.35));

    public static final List<Segment> SEGMENTS = List.of(
            new Segment("RESIDENTIAL_TREATMENT", "Verblijf met behandeling", "43", "43A01", "14", 21_500, 7, 10, 26, 0.09),
            new Segment("HOUSING", "Wonen", "44", "44A01", "14", 10_500, 7, 12, 30, 0.06),
            new Segment("DAY_TREATMENT", "Dagbehandeling", "41", "41A01", "16", 8_000, 3, 30, 52, 0.03),
            new Segment("AMBULANT", "Ambulant", "45", "45A48", "04", 10_500, 2, 10, 32, 0.81),
            new Segment("CRISIS", "Crisis", "46", "46A01", "14", 32_000, 7, 2, 4, 0.01));

    private static final String[] REFERRERS = {"02", "01", "03", "04", "05", "06", "08"};
    private static final double[] REFERRER_WEIGHTS = {0.45, 0.28, 0.06, 0.05, 0.09, 0.04, 0.03};

    public final List<Provider> providers = new ArrayList<>();
    public final List<Journey> journeys = new ArrayList<>();
    public final LocalDate today;

    public RegionPlan(int clients, LocalDate today, long seed) {
        this.today = today;
        Random random = new Random(seed);
        createProviders();
        List<String> bsns = TestBsns.first(clients);
        for (int i = 0; i < clients; i++) {
            journeys.add(journey(bsns.get(i), i, random));
        }
    }

    private void createProviders() {
        String[][] names = {
                {"RESIDENTIAL_TREATMENT", "YOUTH_MENTAL_HEALTH", "Kompaan Limburg Zorgcentrum", "Het Baken Jeugdkliniek", "Maasveld Behandelgroepen", "De Zevensprong Residentieel"},
                {"HOUSING", "YOUTH_CARE", "Gezinshuis De Linde", "Pleegzorg Midden-Limburg", "Trainingshuis Op Eigen Benen", "Woongroep Het Anker"},
                {"DAY_TREATMENT", "LVB", "Dagbehandeling De Kempen", "Kindcentrum Het Palet", "Orthopedagogisch Centrum Peel"},
                {"AMBULANT", "YOUTH_CARE", "Jeugdhulp De Brug", "Praktijk Groeikracht", "Ambulant Team Weert", "Dyslexiecentrum Limburg",
                        "Gezinscoaching Leudal", "Jeugd-GGZ Praktijk Nederweert", "Stichting Thuisbasis", "Zorgkracht Jeugd",
                        "Praktijk De Horizon", "Jeugdhulp Maas en Peel", "Kinderpraktijk Zonnestraal", "Gezin Centraal",
                        "Ambulante Hulp Roermond-West", "Praktijk Samen Verder", "Opvoedpunt Limburg", "JeugdWijs",
                        "Therapiecentrum Het Kompas", "Praktijk Kleurrijk"},
                {"CRISIS", "MIXED", "Crisisdienst Jeugd Noord- en Midden-Limburg"}};
        int sequence = 1;
        for (String[] segment : names) {
            for (int i = 2; i < segment.length; i++) {
                String agb = String.format("4100%04d", sequence);
                String kvk = String.format("6%07d", 1_000_000 + sequence * 7919 % 9_000_000);
                providers.add(new Provider(agb, kvk, segment[i], segment[1], segment[0]));
                sequence++;
            }
        }
    }

    /** The residential treatment partnership: the first provider leads, the next two are members. */
    public List<Provider> consortium() {
        return providersOf("RESIDENTIAL_TREATMENT").subList(0, 3);
    }

    public List<Provider> providersOf(String segment) {
        return providers.stream().filter(p -> p.segment().equals(segment)).toList();
    }

    private Journey journey(String bsn, int index, Random random) {
        Municipality municipality = pick(random, MUNICIPALITIES.stream().mapToDouble(Municipality::share).toArray(),
                MUNICIPALITIES);
        Segment segment = pick(random, SEGMENTS.stream().mapToDouble(Segment::clientShare).toArray(), SEGMENTS);
        String referrer = REFERRERS[index(random, REFERRER_WEIGHTS)];
        // normalising: about one in eight questions is solved in ordinary life or by a general provision
        boolean specialist = segment.code().equals("AMBULANT") ? random.nextDouble() > 0.14 : true;
        List<Provider> candidates = providersOf(segment.code());
        // a few large ambulant providers take most clients: the market is concentrated, as in the field
        Provider provider = candidates.get(Math.min(candidates.size() - 1,
                (int) Math.floor(Math.pow(random.nextDouble(), 2.2) * candidates.size())));
        LocalDate referral = LocalDate.of(YEAR, 1, 2).plusDays(random.nextInt(300));
        LocalDate start = workday(referral.plusDays(3 + random.nextInt(25)));
        if (!start.isBefore(today)) {
            start = workday(today.minusDays(14 + random.nextInt(30)));
        }
        int weeks = segment.minWeeks() + random.nextInt(segment.maxWeeks() - segment.minWeeks() + 1);
        LocalDate end = start.plusWeeks(weeks).minusDays(1);
        double roll = random.nextDouble();
        String stopReason = roll < 0.05 ? "32" : roll < 0.08 ? "33" : roll < 0.10 ? "34" : "31";
        if (!stopReason.equals("31")) {
            end = start.plusDays(ChronoUnit.DAYS.between(start, end) / 2);
        }
        String goal = stopReason.equals("31") ? (random.nextDouble() < 0.7 ? "YES" : "PARTLY")
                : (random.nextDouble() < 0.7 ? "NO" : "PARTLY");
        int satisfaction = Math.max(1, Math.min(10, (int) Math.round(7.4 + random.nextGaussian() * 1.3
                - (stopReason.equals("31") ? 0 : 2))));
        String profile = "P" + (1 + random.nextInt(9));
        int intensity = Math.max(1, Math.min(7, (int) Math.round(3 + random.nextGaussian() * 1.4
                + (segment.code().equals("RESIDENTIAL_TREATMENT") ? 2 : 0))));
        LocalDate birth = LocalDate.of(YEAR - 4 - random.nextInt(14), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new Journey(bsn, name(random), birth, municipality, segment, referrer, profile, intensity, specialist,
                provider, referral, start, end, stopReason, goal, satisfaction);
    }

    private static LocalDate workday(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return date.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
        return date;
    }

    private static final String[] FIRST = {"Noah", "Emma", "Liam", "Julia", "Luuk", "Mila", "Sem", "Tess", "Daan",
            "Sara", "Finn", "Zoë", "Levi", "Nora", "Milan", "Evi", "Bram", "Lotte", "Jesse", "Fenna"};
    private static final String[] LAST = {"Janssen", "Peeters", "Smeets", "Hendrikx", "Willems", "Verheijen",
            "Gielen", "Coenen", "Bongers", "Linders", "Kessels", "Vossen", "Heijnen", "Wijnen", "Geraedts"};

    private static String name(Random random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    private static <T> T pick(Random random, double[] weights, List<T> items) {
        return items.get(index(random, weights));
    }

    private static int index(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Expected spend of the year in cents, per municipality and segment: what the budgets are sized on. */
    public long plannedCents(Municipality municipality, Segment segment) {
        return journeys.stream()
                .filter(j -> j.specialistCare() && j.municipality().equals(municipality) && j.segment().equals(segment))
                .mapToLong(j -> weeksWithin(j.start(), j.end()) * segment.weeklyCents())
                .sum();
    }

    /** One month of care a provider declares: the days in care that month, units and amount. */
    public record Declared(LocalDate from, LocalDate to, long units, long amountCents) {
    }

    /**
     * What a journey's provider declares: one line per calendar month of care up to {@code lastDeclarable}, the
     * units of the days in care that month (whole units, rounded down). The loader sends these; the forecast
     * backtest ({@link DemoYear}) reads the same.
     */
    public static List<Declared> declared(Journey j, LocalDate lastDeclarable) {
        List<Declared> lines = new ArrayList<>();
        Segment s = j.segment();
        LocalDate end = j.end().isBefore(lastDeclarable) ? j.end() : lastDeclarable;
        for (java.time.YearMonth month = java.time.YearMonth.from(j.start()); !month.atDay(1).isAfter(end);
             month = month.plusMonths(1)) {
            LocalDate from = month.atDay(1).isBefore(j.start()) ? j.start() : month.atDay(1);
            LocalDate to = month.atEndOfMonth().isAfter(end) ? end : month.atEndOfMonth();
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            long units = days * s.unitsPerWeek() / 7;
            if (units > 0) {
                lines.add(new Declared(from, to, units, units * s.tariffCents()));
            }
        }
        return lines;
    }

    static long weeksWithin(LocalDate start, LocalDate end) {
        return Math.max(1, ChronoUnit.DAYS.between(start, end.plusDays(1)) / 7);
    }
}
