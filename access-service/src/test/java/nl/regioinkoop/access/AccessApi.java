package nl.regioinkoop.access;

import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The steps of an access officer's day, over HTTP, for tests that need a client or a triaged referral first. */
public final class AccessApi {
    private final Api api;
    private final Tokens tokens;

    public AccessApi(Api api, Tokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    public String registerClient(String municipality) {
        Api.Response r = api.post("/api/v1/clients", tokens.accessOfficer(municipality),
                Fixtures.registerClientJson(Fixtures.testBsn(), municipality));
        assertEquals(201, r.status(), r.toString());
        return (String) r.json().get("id");
    }

    public String registerReferral(String municipality, String clientId) {
        Api.Response r = api.post("/api/v1/referrals", tokens.accessOfficer(municipality), "{\"clientId\":\"" + clientId
                + "\",\"referrerType\":\"02\",\"referrerName\":\"Huisarts Jansen\",\"referralDate\":\"2026-01-05\","
                + "\"question\":\"Angstklachten, vastgelopen op school\",\"crisis\":false}");
        assertEquals(201, r.status(), r.toString());
        return (String) r.json().get("id");
    }

    public String registerRequest(String municipality, String clientId, String providerAgb, String receivedOn) {
        Api.Response r = api.post("/api/v1/referrals", tokens.accessOfficer(municipality), "{\"clientId\":\"" + clientId
                + "\",\"referrerType\":\"02\",\"referrerAgb\":\"01234567\",\"referralDate\":\"2026-01-02\","
                + "\"question\":\"Verzoek om toewijzing\",\"crisis\":false,\"requestingProviderAgb\":\"" + providerAgb
                + "\",\"receivedOn\":\"" + receivedOn + "\"}");
        assertEquals(201, r.status(), r.toString());
        return (String) r.json().get("id");
    }

    public void triageSpecialist(String municipality, String referralId, String profile, int intensity) {
        triageSpecialistIn("AMBULANT", municipality, referralId, profile, intensity);
    }

    public void triageSpecialistIn(String segment, String municipality, String referralId, String profile, int intensity) {
        Api.Response r = api.put("/api/v1/referrals/" + referralId + "/triage", tokens.accessOfficer(municipality),
                "{\"segment\":\"" + segment + "\",\"profile\":\"" + profile + "\",\"intensity\":" + intensity
                        + ",\"outcome\":\"SPECIALIST_CARE\"}");
        assertEquals(200, r.status(), r.toString());
    }

    /** A client with a referral triaged to specialist ambulant care, profile P3 at intensity 4. */
    public String triagedReferral(String municipality) {
        return triagedReferralIn("AMBULANT", municipality);
    }

    public String triagedReferralIn(String segment, String municipality) {
        String referral = registerReferral(municipality, registerClient(municipality));
        triageSpecialistIn(segment, municipality, referral, "P3", 4);
        return referral;
    }

    /** Waits until the contract's events reached access's replica: the provider is eligible for the referral. */
    public void awaitEligible(String municipality, String referral, String product, String agb, String from) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> api.get(
                "/api/v1/referrals/" + referral + "/eligible-providers?productCode=" + product + "&validFrom=" + from
                        + "&validTo=" + from, tokens.accessOfficer(municipality)).body().contains(agb));
    }

    /** Creates the budget line, or finds it when an earlier test did; returns its id. */
    public String budget(String municipality, int year, String line, long amountCents) {
        Api.Response r = api.post("/api/v1/budgets", tokens.accessOfficer(municipality), "{\"municipalityCode\":\""
                + municipality + "\",\"year\":" + year + ",\"line\":\"" + line + "\",\"amountCents\":" + amountCents + "}");
        assertEquals(201, r.status(), r.toString());
        return (String) r.json().get("id");
    }

    public static String allocationJson(String referral, String agb, String product, long volume, String unit,
                                        String frequency, String from, String to) {
        return "{\"referralId\":\"" + referral + "\",\"providerAgb\":\"" + agb + "\",\"productCode\":\"" + product
                + "\",\"volume\":" + volume + ",\"unit\":\"" + unit + "\",\"frequency\":\"" + frequency
                + "\",\"validFrom\":\"" + from + "\",\"validTo\":\"" + to + "\",\"chosenByFamily\":true}";
    }
}
