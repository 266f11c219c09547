package nl.regioinkoop.local.scenario;

import nl.regioinkoop.testkit.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.regioinkoop.local.scenario.ScenarioPlatform.content;
import static nl.regioinkoop.local.scenario.ScenarioPlatform.eventually;
import static nl.regioinkoop.local.scenario.ScenarioPlatform.expect;
import static nl.regioinkoop.local.scenario.ScenarioPlatform.id;

/**
 * What every regional model does through the APIs: register providers, adopt strategies, run a procurement that was
 * held before the term (a recorded tender), set budgets, and take a resident from referral to allocation.
 */
final class Steps {
    private final ScenarioPlatform p;
    private final String region;
    private final String procurement;

    Steps(ScenarioPlatform platform, String region) {
        this.p = platform;
        this.region = region;
        this.procurement = platform.tokens.procurementOfficer(region);
    }

    String procurement() {
        return procurement;
    }

    void registerProvider(String agb, String name, String kind) {
        // KvK numbers are derived from the AGB code: unique like it, and stable across loads
        Api.Response registered = p.post(p.provider, "/api/v1/providers", procurement, Map.of(
                "agbCode", agb, "kvkNumber", "7" + agb.substring(1), "name", name, "kind", kind));
        if (registered.status() != 409) {
            expect(201, registered, "registering provider " + agb);
        }
    }

    /** A strategy for a segment in a round; one adopted by an earlier, interrupted load is reused. */
    String strategy(String round, String segment, String supplyRisk, String financialImpact, String fundingModel,
                    String contractForm, Integer targetProviders, List<String> goals) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("round", round);
        body.put("segment", segment);
        body.put("supplyRisk", supplyRisk);
        body.put("financialImpact", financialImpact);
        body.put("fundingModel", fundingModel);
        body.put("contractForm", contractForm);
        body.put("targetProviders", targetProviders);
        body.put("goals", goals);
        Api.Response adopted = p.post(p.contracting, "/api/v1/strategies", procurement, body);
        if (adopted.status() == 201) {
            return id(adopted);
        }
        expect(409, adopted, "adopting the strategy for " + segment);
        return content(expect(200, p.contracting.get("/api/v1/strategies?size=200", procurement), "strategies"))
                .stream().filter(s -> segment.equals(s.get("segment")) && round.equals(s.get("round")))
                .map(s -> String.valueOf(s.get("id"))).findFirst().orElseThrow();
    }

    /** One bid: the lot (index in the tender's lots), the lead and its consortium, and whether it passes selection. */
    record Bid(int lot, String leadAgb, Integer leadShareBasisPoints, List<Map<String, Object>> members,
               boolean passes, int score) {
        static Bid alone(int lot, String agb, int score) {
            return new Bid(lot, agb, null, null, true, score);
        }

        Map<String, Object> body(String lotId, List<String> criteria, LocalDate submittedOn) {
            Map<String, Object> bid = new LinkedHashMap<>();
            bid.put("lotId", lotId);
            bid.put("leadAgb", leadAgb);
            if (leadShareBasisPoints != null) {
                bid.put("leadShareBasisPoints", leadShareBasisPoints);
                bid.put("members", members);
            }
            bid.put("selectionAnswers", criteria.stream().map(c -> Map.of("criterion", c, "passed", passes,
                    "evidenceReference", c + "-" + leadAgb)).toList());
            if (submittedOn != null) {
                bid.put("submittedOn", submittedOn.toString());
            }
            return bid;
        }
    }

    /** The signed result of a procedure: the tender as it answered the definitive award, with its lots. */
    record Procedure(String tenderId, List<String> lotIds, List<String> contractIds, List<Api.Response> refusals) {
    }

    /**
     * A procedure held before the term (a recorded tender): published nine months before the term, bids six
     * months before, evaluated, provisionally and definitively awarded after the standstill, implemented. Each bid
     * answers every knock-out criterion; with award criteria every evaluator gives the bid its score.
     */
    Procedure recordedTender(Map<String, Object> tender, List<Bid> bids) {
        return recordedTender(tender, List.of(), bids);
    }

    /** As above; each of {@code refused} is offered first and must be refused (422): the answers are kept. */
    Procedure recordedTender(Map<String, Object> tender, List<Bid> refused, List<Bid> bids) {
        LocalDate start = p.termStart();
        LocalDate deadline = start.minusMonths(6);
        LocalDate published = start.minusMonths(9);
        Map<String, Object> body = new LinkedHashMap<>(tender);
        body.put("submissionDeadline", deadline.toString());
        body.put("standstillDays", 20);
        Api.Response created = expect(201, p.post(p.contracting, "/api/v1/tenders", procurement, body),
                "creating tender " + tender.get("title"));
        String tenderId = id(created);
        List<String> lotIds = lotIds(created);
        phase(tenderId, "PUBLICATION", published);
        phase(tenderId, "QUESTIONS", published.plusDays(14));
        phase(tenderId, "MEMORANDUM_OF_INFORMATION", published.plusDays(45));
        @SuppressWarnings("unchecked")
        List<String> criteria = ((List<Map<String, Object>>) tender.get("selectionCriteria")).stream()
                .map(c -> String.valueOf(c.get("code"))).toList();
        List<Api.Response> refusals = new ArrayList<>();
        for (Bid bid : refused) {
            refusals.add(expect(422, p.post(p.contracting, "/api/v1/tenders/" + tenderId + "/bids",
                    p.tokens.provider(bid.leadAgb()), bid.body(lotIds.get(bid.lot()), criteria, deadline.minusDays(12))),
                    "a bid the rules refuse, by " + bid.leadAgb()));
        }
        List<String[]> submitted = new ArrayList<>();
        for (Bid bid : bids) {
            String lotId = lotIds.get(bid.lot());
            Api.Response answer = expect(201, p.post(p.contracting, "/api/v1/tenders/" + tenderId + "/bids",
                    p.tokens.provider(bid.leadAgb()), bid.body(lotId, criteria, deadline.minusDays(10))),
                    "bid of " + bid.leadAgb());
            submitted.add(new String[]{id(answer), lotId, String.valueOf(bid.score())});
        }
        phase(tenderId, "SUBMISSION_DEADLINE", deadline.plusDays(1));
        phase(tenderId, "EVALUATION", deadline.plusDays(2));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> award = (List<Map<String, Object>>) tender.get("awardCriteria");
        if (award != null && !award.isEmpty()) {
            for (String[] bid : submitted) {
                Map<String, Object> scores = new LinkedHashMap<>();
                award.forEach(c -> scores.put(String.valueOf(c.get("code")), Integer.parseInt(bid[2])));
                expect(200, p.post(p.contracting, "/api/v1/tenders/" + tenderId + "/lots/" + bid[1] + "/scores",
                        procurement, Map.of("bidId", bid[0], "evaluator", "inkoper", "scores", scores)), "scoring");
            }
        }
        expect(200, p.post(p.contracting, "/api/v1/tenders/" + tenderId + "/ranking", procurement, Map.of()),
                "ranking");
        LocalDate provisional = deadline.plusDays(60);
        expect(200, p.post(p.contracting, "/api/v1/tenders/" + tenderId + "/award", procurement,
                Map.of("definitive", false, "effectiveDate", provisional.toString())), "provisional award");
        Api.Response definitive = expect(200, p.post(p.contracting, "/api/v1/tenders/" + tenderId + "/award",
                procurement, Map.of("definitive", true, "effectiveDate", provisional.plusDays(25).toString())),
                "definitive award");
        phase(tenderId, "IMPLEMENTATION", provisional.plusDays(30));
        @SuppressWarnings("unchecked")
        List<Object> contracts = (List<Object>) definitive.json().get("contractIds");
        return new Procedure(tenderId, lotIds, contracts.stream().map(String::valueOf).toList(), refusals);
    }

    /** Draft terms shared by every contract of a procedure. */
    Map<String, Object> terms(List<String> municipalities, int initialYears, List<Integer> extensionOptions,
                              Long annualCeilingCents) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("municipalities", municipalities);
        terms.put("validFrom", p.termStart().toString());
        terms.put("initialYears", initialYears);
        terms.put("extensionOptions", extensionOptions);
        terms.put("noticeMonths", 6);
        if (annualCeilingCents != null) {
            terms.put("annualCeilingCents", annualCeilingCents);
        }
        terms.put("acceptanceDutyDays", 180);
        return terms;
    }

    private void phase(String tenderId, String phase, LocalDate on) {
        expect(200, p.post(p.contracting, "/api/v1/tenders/" + tenderId + "/phase", procurement,
                Map.of("phase", phase, "effectiveDate", on.toString())), "moving the tender to " + phase);
    }

    @SuppressWarnings("unchecked")
    private static List<String> lotIds(Api.Response tender) {
        return ((List<Map<String, Object>>) tender.json().get("lots")).stream()
                .map(l -> String.valueOf(l.get("lotId"))).toList();
    }

    /** A budget line of a municipality for a year; an existing line (an earlier load) is left as it is. */
    void budget(String municipality, int year, String line, long amountCents) {
        Api.Response set = p.post(p.access, "/api/v1/budgets", p.tokens.accessOfficer(municipality), Map.of(
                "municipalityCode", municipality, "year", year, "line", line, "amountCents", amountCents));
        if (set.status() != 409) {
            expect(201, set, "setting budget " + municipality + " " + line);
        }
    }

    /** A resident registered by their municipality, referred and triaged to specialist care: the referral id. */
    String triagedReferral(Resident r, String segment, String profile, int intensity) {
        String officer = p.tokens.accessOfficer(r.municipality());
        Api.Response client = p.post(p.access, "/api/v1/clients", officer, Map.of("bsn", r.bsn(), "name", r.name(),
                "birthDate", r.birthDate().toString(), "municipalityCode", r.municipality()));
        String clientId;
        if (client.status() == 409) { // registered by an earlier load of this scenario
            clientId = String.valueOf(client.json().get("clientId"));
        } else {
            clientId = id(expect(201, client, "registering a resident of " + r.municipality()));
        }
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("clientId", clientId);
        referral.put("referrerType", r.referrerType());
        referral.put("referrerName", r.referrerName());
        referral.put("referralDate", p.careFrom().minusDays(14).toString());
        referral.put("question", r.question());
        referral.put("crisis", false);
        String referralId = id(expect(201, p.post(p.access, "/api/v1/referrals", officer, referral), "referral"));
        expect(200, p.put(p.access, "/api/v1/referrals/" + referralId + "/triage", officer, Map.of(
                "segment", segment, "profile", profile, "intensity", intensity, "outcome", "SPECIALIST_CARE")),
                "triage");
        return referralId;
    }

    /** The providers a family may choose among for a referral, cheapest first, once access has seen them. */
    List<Map<String, Object>> eligible(String municipality, String referralId, String productCode, LocalDate from,
                                       LocalDate to, int atLeast) {
        String path = "/api/v1/referrals/" + referralId + "/eligible-providers?productCode=" + productCode
                + "&validFrom=" + from + "&validTo=" + to;
        String officer = p.tokens.accessOfficer(municipality);
        ScenarioPlatform.await(() -> {
            Api.Response r = p.access.get(path, officer);
            return r.status() == 200 && r.jsonList().size() >= atLeast;
        }, atLeast + " providers eligible for " + productCode + " in " + municipality);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) (List<?>) p.access.get(path, officer).jsonList();
        return list;
    }

    /** Allocates once access has the provider's contract (the events may still be on their way): the allocation. */
    Map<String, Object> allocate(String municipality, String referralId, String providerAgb, String productCode,
                                 long volume, String unit, String frequency, LocalDate from, LocalDate to,
                                 boolean chosenByFamily) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", referralId);
        body.put("providerAgb", providerAgb);
        body.put("productCode", productCode);
        body.put("volume", volume);
        body.put("unit", unit);
        body.put("frequency", frequency);
        body.put("validFrom", from.toString());
        body.put("validTo", to.toString());
        body.put("chosenByFamily", chosenByFamily);
        return eventually(201, () -> p.post(p.access, "/api/v1/allocations", p.tokens.accessOfficer(municipality),
                body), "allocating " + productCode + " to " + providerAgb).json();
    }

    /** A provider reports start, stop with its JZ588 reason and the outcome, once provider-service has the allocation. */
    void careStartedStoppedAndOutcome(String providerAgb, String allocationId, LocalDate start, LocalDate stop,
                                      String reason, String goalRealised, int satisfaction) {
        String token = p.tokens.provider(providerAgb);
        eventually(200, () -> p.post(p.provider, "/api/v1/allocations/" + allocationId + "/start", token,
                Map.of("startDate", start.toString())), "reporting care started");
        expect(200, p.post(p.provider, "/api/v1/allocations/" + allocationId + "/stop", token,
                Map.of("stopDate", stop.toString(), "reasonCode", reason)), "reporting care stopped");
        expect(200, p.post(p.provider, "/api/v1/allocations/" + allocationId + "/outcome", token,
                Map.of("goalRealised", goalRealised, "satisfaction", satisfaction)), "reporting the outcome");
    }

    /** A resident as their municipality registers them, with who referred them and why. */
    record Resident(String bsn, String name, LocalDate birthDate, String municipality, String referrerType,
                    String referrerName, String question) {
    }
}
