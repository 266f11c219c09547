package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.e2e.RunningPlatform;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Tokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proofs' fixtures, made through the services' own APIs as the region's people would: providers registered,
 * local contracts signed, budgets set, residents registered, referred and triaged. Works on any set of running
 * services (the shared platform or the fault test's own).
 */
final class World {
    static final String REGION = "MLW";
    static final String WEERT = "0988";
    static final String NEDERWEERT = "0946";
    static final String LEUDAL = "1640";
    static final List<String> MUNICIPALITIES = List.of(WEERT, NEDERWEERT, LEUDAL);

    /** A contracted product: P×Q per hour in the ambulant segment unless said otherwise. */
    record Product(String category, String code, String segment, String unit, long tariffCents) {
        static Product ambulantPerHour(String code, long tariffCents) {
            return new Product("45", code, "AMBULANT", "04", tariffCents);
        }
    }

    record Client(String id, String bsn, String name, String municipality) {
    }

    final Api access;
    final Api contracting;
    final Api provider;
    final Api monitoring;
    final Tokens tokens;
    final String procurement;

    World(Api access, Api contracting, Api provider, Api monitoring, Tokens tokens) {
        this.access = access;
        this.contracting = contracting;
        this.provider = provider;
        this.monitoring = monitoring;
        this.tokens = tokens;
        this.procurement = tokens.procurementOfficer(REGION);
    }

    static World of(RunningPlatform platform) {
        return new World(platform.access, platform.contracting, platform.provider, platform.monitoring,
                platform.tokens);
    }

    /** An AGB code no other test uses: 8 digits starting with 7 (the demo region uses 4100…). */
    static String newAgb() {
        return "7" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** A product code of up to 5 characters that no other test uses. */
    static String newProductCode() {
        return "45" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase();
    }

    void registerProvider(String agb, String name) {
        Api.Response r = provider.post("/api/v1/providers", procurement, Json.write(
                Json.object("agbCode", agb, "kvkNumber", "6" + agb.substring(1), "name", name, "kind", "YOUTH_CARE")));
        assertTrue(r.status() == 201 || r.status() == 409, "registering provider " + agb + ": " + r);
    }

    /** A local contract of one municipality with one provider, through contracting's {@code POST /contracts}. */
    String signLocalContract(String municipality, String agb, Product product, LocalDate validFrom, int years) {
        Map<String, Object> body = Json.object(
                "providerAgb", agb,
                "contractForm", "SELECTIVE",
                "segment", product.segment(),
                "municipalities", List.of(municipality),
                "products", List.of(Json.object(
                        "productCategory", product.category(), "productCode", product.code(),
                        "segment", product.segment(), "fundingModel", "PXQ", "unit", product.unit(),
                        "tariffs", List.of(Json.object("amountCents", product.tariffCents())))),
                "validFrom", validFrom.toString(),
                "initialYears", years,
                "extensionOptions", List.of(1),
                "noticeMonths", 3,
                "annualCeilingCents", 900_000_000L,
                "acceptanceDutyDays", 180);
        Api.Response r = contracting.post("/api/v1/contracts", procurement, Json.write(body));
        assertEquals(201, r.status(), "signing a local contract: " + r);
        return Json.text(r.json(), "id");
    }

    /** @return the budget line's id, or null when the line already exists (409) */
    String setBudget(String municipality, int year, String line, long amountCents) {
        Api.Response r = access.post("/api/v1/budgets", tokens.accessOfficer(municipality), Json.write(Json.object(
                "municipalityCode", municipality, "year", year, "line", line, "amountCents", amountCents)));
        if (r.status() == 409) {
            return null;
        }
        assertEquals(201, r.status(), "setting a budget: " + r);
        return Json.text(r.json(), "id");
    }

    /** Registers a resident; draws another test BSN when this one is already registered in the municipality. */
    Client registerClient(String municipality, String name) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String bsn = Bsns.random();
            Api.Response r = access.post("/api/v1/clients", tokens.accessOfficer(municipality), Json.write(Json.object(
                    "bsn", bsn, "name", name, "birthDate", "2012-04-03", "municipalityCode", municipality)));
            if (r.status() == 201) {
                return new Client(Json.text(r.json(), "id"), bsn, name, municipality);
            }
            assertEquals(409, r.status(), "registering a client: " + r);
        }
        throw new IllegalStateException("no free test BSN found");
    }

    String refer(Client client, String referrerType) {
        Api.Response r = access.post("/api/v1/referrals", tokens.accessOfficer(client.municipality()),
                Json.write(Json.object("clientId", client.id(), "referrerType", referrerType,
                        "referrerName", "Huisartsenpraktijk De Kempen", "referralDate", "2026-01-05",
                        "question", "Hulpvraag ambulant", "crisis", false)));
        assertEquals(201, r.status(), "registering a referral: " + r);
        return Json.text(r.json(), "id");
    }

    void triageForSpecialistCare(String municipality, String referralId, String segment) {
        Api.Response r = access.put("/api/v1/referrals/" + referralId + "/triage", tokens.accessOfficer(municipality),
                Json.write(Json.object("segment", segment, "profile", "P3", "intensity", 3,
                        "outcome", "SPECIALIST_CARE")));
        assertEquals(200, r.status(), "triage: " + r);
    }

    /** A triaged referral for a new resident of the municipality. */
    String triagedReferral(String municipality, String segment) {
        Client client = registerClient(municipality, "Proef Cliënt " + municipality);
        String referral = refer(client, "02");
        triageForSpecialistCare(municipality, referral, segment);
        return referral;
    }

    /** Waits until access-service has replicated the contract and the provider: the provider is eligible. */
    void awaitEligible(String municipality, String referralId, String agb, Product product, LocalDate from,
                       LocalDate to) {
        await("access-service knows the contract of " + agb + " for " + municipality)
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    Api.Response r = access.get("/api/v1/referrals/" + referralId + "/eligible-providers?productCode="
                            + product.code() + "&validFrom=" + from + "&validTo=" + to,
                            tokens.accessOfficer(municipality));
                    return r.status() == 200 && r.body().contains(agb);
                });
    }

    Api.Response allocate(String municipality, String referralId, String agb, Product product, long volume,
                          String frequency, LocalDate from, LocalDate to) {
        return access.post("/api/v1/allocations", tokens.accessOfficer(municipality), Json.write(Json.object(
                "referralId", referralId, "providerAgb", agb, "productCode", product.code(), "volume", volume,
                "unit", product.unit(), "frequency", frequency, "validFrom", from.toString(),
                "validTo", to.toString(), "chosenByFamily", true)));
    }

    /** Waits until provider-service has replicated the allocation, so its provider can report on it. */
    void awaitAllocationAtProvider(String agb, String allocationId) {
        await("provider-service knows allocation " + allocationId).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> provider.get("/api/v1/allocations/" + allocationId, tokens.provider(agb)).status() == 200);
    }

    /** One monthly declaration line; volume × tariff as the contract says. */
    Api.Response declare(String agb, String allocationId, Product product, LocalDate from, LocalDate to, long volume,
                         String idempotencyKey) {
        String body = Json.write(Json.object("allocationId", allocationId, "periodStart", from.toString(),
                "periodEnd", to.toString(), "productCode", product.code(), "productCategory", product.category(),
                "volume", volume, "unit", product.unit(), "tariffCents", product.tariffCents(),
                "amountCents", volume * product.tariffCents()));
        return provider.send("POST", "/api/v1/declarations", tokens.provider(agb), "application/json", body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }
}
