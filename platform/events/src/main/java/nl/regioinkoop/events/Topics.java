package nl.regioinkoop.events;

/**
 * Every topic, declared once: {@code <producer>.<stream>.v<N>}. Only the owning service writes its topics.
 */
public final class Topics {
    /** provider-service: providers, consortia, tiers. Key: provider id. */
    public static final String PROVIDERS_V1 = "provider.providers.v1";
    /** provider-service: care started/stopped, declarations, outcomes, waiting times. Key: allocation id. */
    public static final String PROVIDER_REPORTS_V1 = "provider.reports.v1";
    /** contracting-service: strategies, tenders, bids, awards. Key: tender id (strategy id for strategies). */
    public static final String TENDERS_V1 = "contracting.tenders.v1";
    /** contracting-service: contracts and their terms. Key: contract id. */
    public static final String CONTRACTS_V1 = "contracting.contracts.v1";
    /** access-service: referrals and triage. Key: referral id. */
    public static final String REFERRALS_V1 = "access.referrals.v1";
    /** access-service: allocations and answers to requests. Key: allocation id (request id for rejections). */
    public static final String ALLOCATIONS_V1 = "access.allocations.v1";
    /** access-service: budgets, commitments and realisations. Key: budget line id. */
    public static final String BUDGETS_V1 = "access.budgets.v1";

    private Topics() {
    }
}
