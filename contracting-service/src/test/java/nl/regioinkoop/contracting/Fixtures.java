package nl.regioinkoop.contracting;

import java.util.concurrent.ThreadLocalRandom;

/** Intention-revealing request bodies for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String randomAgb() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    }

    /** Ambulant youth care by the hour (PXQ) and specialist trajectories per profile x intensity (OUTPUT). */
    public static String products() {
        return """
                [{"productCategory":"45","productCode":"45A48","fundingModel":"PXQ","unit":"04",
                  "tariffs":[{"amountCents":7850}]},
                 {"productCategory":"43","productCode":"43P01","fundingModel":"OUTPUT",
                  "tariffs":[{"profile":"P3","intensity":2,"amountCents":1250000,"resultShareBasisPoints":1000},
                             {"profile":"P3","intensity":3,"amountCents":1890000,"resultShareBasisPoints":1000}]}]""";
    }

    /** A local contract of Weert for one provider: 4 + 2 + 2 years from 2026-01-01, notice 3 months. */
    public static String localContractForWeert(String agb) {
        return """
                {"providerAgb":"%s","contractForm":"SELECTIVE","segment":"ambulant","municipalities":["0988"],
                 "products":%s,"validFrom":"2026-01-01","initialYears":4,"extensionOptions":[2,2],
                 "noticeMonths":3,"annualCeilingCents":50000000,"acceptanceDutyDays":180}"""
                .formatted(agb, products());
    }
}
