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
        Api.Response r = api.put("/api/v1/referrals/" + referralId + "/triage", tokens.accessOfficer(municipality),
                "{\"segment\":\"AMBULANT\",\"profile\":\"" + profile + "\",\"intensity\":" + intensity
                        + ",\"outcome\":\"SPECIALIST_CARE\"}");
        assertEquals(200, r.status(), r.toString());
    }

    /** A client with a referral triaged to specialist ambulant care, profile P3 at intensity 4. */
    public String triagedReferral(String municipality) {
        String referral = registerReferral(municipality, registerClient(municipality));
        triageSpecialist(municipality, referral, "P3", 4);
        return referral;
    }
}
