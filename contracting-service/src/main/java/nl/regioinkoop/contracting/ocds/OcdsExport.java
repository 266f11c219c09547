package nl.regioinkoop.contracting.ocds;

import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.contract.Contract;
import nl.regioinkoop.contracting.contract.ContractStatus;
import nl.regioinkoop.contracting.contract.Contracts;
import nl.regioinkoop.contracting.tender.Bid;
import nl.regioinkoop.contracting.tender.Tender;
import nl.regioinkoop.contracting.tender.TenderPhase;
import nl.regioinkoop.contracting.tender.Tenders;
import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.ContractProduct;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tender, its awards and its contracts as one OCDS 1.1 release package. The ocid is {@code ocds-regio-} + the
 * tender id ({@code ocds-regio} stands in for a registered OCID prefix). Lots follow the OCDS lots extension;
 * codes without an OCDS codelist use {@code x_} schemes: x_AGB (providers), x_CBS (municipalities), x_JZ020 /
 * x_WMO020 (product categories), x_iStandaarden (product codes), x_WJ756 (units).
 */
@Singleton
class OcdsExport {
    static final String OCID_PREFIX = "ocds-regio-";
    private static final String LOTS_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** RFC 3339 always with seconds: OffsetDateTime#toString drops them at midnight, which the schema refuses. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Tenders tenders;
    private final Contracts contracts;
    private final Clock clock;

    OcdsExport(Tenders tenders, Contracts contracts, Clock clock) {
        this.tenders = tenders;
        this.contracts = contracts;
        this.clock = clock;
    }

    Map<String, Object> releasePackage(Tender t) {
        List<Bid> bids = tenders.bids(t.id());
        List<Contract> signed = contracts.byTender(t.id());
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("uri", "https://regio-inkoop.nl/api/v1/tenders/" + t.id() + "/ocds");
        pkg.put("version", "1.1");
        pkg.put("extensions", List.of(LOTS_EXTENSION));
        pkg.put("publishedDate", clock.instant().toString());
        pkg.put("publisher", Map.of("name", "Regio Inkoop " + t.region(), "scheme", "x_REGION", "uid", t.region()));
        pkg.put("releases", List.of(release(t, bids, signed)));
        return pkg;
    }

    private Map<String, Object> release(Tender t, List<Bid> bids, List<Contract> signed) {
        List<Map<String, Object>> awards = awards(t, bids);
        List<String> tags = new ArrayList<>(List.of(t.phase().isPublished() ? "tender" : "planning"));
        if (!awards.isEmpty()) {
            tags.add("award");
        }
        if (!signed.isEmpty()) {
            tags.add("contract");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ocid", OCID_PREFIX + t.id());
        r.put("id", OCID_PREFIX + t.id() + "-" + t.phase().name().toLowerCase() + "-" + t.phases().size()
                + "-" + signed.size());
        r.put("date", clock.instant().toString());
        r.put("tag", tags);
        r.put("initiationType", "tender");
        r.put("language", "nl");
        r.put("parties", parties(t, bids, awards));
        r.put("buyer", Map.of("id", regionPartyId(t), "name", "Regio " + t.region()));
        r.put("tender", tender(t, bids));
        r.put("awards", awards);
        r.put("contracts", contracts(t, signed, awards, bids));
        return r;
    }

    private Map<String, Object> tender(Tender t, List<Bid> bids) {
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", t.id().toString());
        tender.put("title", t.title());
        if (t.description() != null) {
            tender.put("description", t.description());
        }
        tender.put("status", status(t.phase()));
        tender.put("procuringEntity", Map.of("id", regionPartyId(t), "name", "Regio " + t.region()));
        tender.put("procurementMethod", "open");
        tender.put("procurementMethodDetails", t.contractForm() + (t.targetProviders() == null ? ""
                : ": the best " + t.targetProviders() + " per lot") + "; segment " + t.segment() + ", round " + t.round());
        tender.put("mainProcurementCategory", "services");
        if (!t.awardCriteria().isEmpty()) {
            tender.put("awardCriteria", "ratedCriteria");
            tender.put("awardCriteriaDetails", t.awardCriteria().stream()
                    .map(c -> c.code() + " " + c.weight() + " %: " + c.description()).collect(Collectors.joining("; ")));
        }
        if (!t.selectionCriteria().isEmpty()) {
            tender.put("eligibilityCriteria", t.selectionCriteria().stream()
                    .map(c -> c.code() + ": " + c.description()).collect(Collectors.joining("; ")));
        }
        Map<String, Object> tenderPeriod = new LinkedHashMap<>();
        t.enteredOn(TenderPhase.PUBLICATION).ifPresent(d -> tenderPeriod.put("startDate", start(d)));
        tenderPeriod.put("endDate", end(t.submissionDeadline()));
        tender.put("tenderPeriod", tenderPeriod);
        t.enteredOn(TenderPhase.PROVISIONAL_AWARD).ifPresent(d -> {
            Map<String, Object> awardPeriod = new LinkedHashMap<>();
            awardPeriod.put("startDate", start(d));
            t.enteredOn(TenderPhase.DEFINITIVE_AWARD).ifPresent(e -> awardPeriod.put("endDate", end(e)));
            tender.put("awardPeriod", awardPeriod);
        });
        tender.put("contractPeriod", period(t.terms().validFrom(), t.terms().validFrom()
                .plusYears(t.terms().initialYears()).minusDays(1), maxEnd(t)));
        tender.put("hasEnquiries", tenders.questionsExist(t.id()));
        Set<String> leads = bids.stream().map(Bid::leadAgb).collect(Collectors.toCollection(LinkedHashSet::new));
        tender.put("numberOfTenderers", leads.size());
        tender.put("tenderers", leads.stream().map(agb -> Map.of("id", agbPartyId(agb), "name", "AGB " + agb)).toList());
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> lots = new ArrayList<>();
        for (Tender.Lot lot : t.lots()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", lot.lotId().toString());
            l.put("title", lot.name());
            l.put("description", "segment " + lot.segment() + (lot.area() == null ? "" : ", area " + lot.area()));
            l.put("status", status(t.phase()));
            lots.add(l);
            items.addAll(items(lot.lotId(), lot.products()));
        }
        tender.put("items", items);
        tender.put("lots", lots);
        return tender;
    }

    private static List<Map<String, Object>> items(UUID lotId, List<ContractProduct> products) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ContractProduct p : products) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", lotId + "-" + p.productCategory() + "-" + p.productCode());
            item.put("description", p.fundingModel() + " product " + p.productCode() + " in category "
                    + p.productCategory());
            boolean youth = Integer.parseInt(p.productCategory()) >= 40;
            item.put("classification", Map.of("scheme", youth ? "x_JZ020" : "x_WMO020", "id", p.productCategory()));
            item.put("additionalClassifications", List.of(Map.of("scheme", "x_iStandaarden", "id", p.productCode())));
            if (p.unit() != null) {
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("scheme", "x_WJ756");
                unit.put("id", p.unit());
                p.tariffs().stream().findFirst().ifPresent(tariff -> unit.put("value", Map.of(
                        "amount", BigDecimal.valueOf(tariff.amountCents(), 2), "currency", "EUR")));
                item.put("unit", unit);
            }
            item.put("relatedLot", lotId.toString());
            items.add(item);
        }
        return items;
    }

    /** The definitive awards once made, else the provisional ones (pending); one award per lot decision. */
    private static List<Map<String, Object>> awards(Tender t, List<Bid> bids) {
        List<Tender.LotAward> chosen = t.awards(true).isEmpty() ? t.awards(false) : t.awards(true);
        Map<UUID, Bid> byId = bids.stream().collect(Collectors.toMap(Bid::id, b -> b));
        List<Map<String, Object>> awards = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Tender.LotAward a = chosen.get(i);
            Map<String, Object> award = new LinkedHashMap<>();
            award.put("id", awardId(t, a, i));
            award.put("title", "Lot " + t.lot(a.lotId()).map(Tender.Lot::name).orElse(a.lotId().toString()));
            award.put("status", a.bidIds().isEmpty() ? "unsuccessful" : a.definitive() ? "active" : "pending");
            award.put("date", start(a.awardedOn()));
            award.put("suppliers", a.bidIds().stream().map(byId::get)
                    .map(b -> Map.of("id", agbPartyId(b.leadAgb()), "name", "AGB " + b.leadAgb())).toList());
            award.put("relatedLots", List.of(a.lotId().toString()));
            award.put("relatedBids", a.bidIds().stream().map(UUID::toString).toList());
            awards.add(award);
        }
        return awards;
    }

    private static String awardId(Tender t, Tender.LotAward a, int index) {
        return t.id() + "-award-" + (a.definitive() ? "definitive" : "provisional") + "-" + (index + 1);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> contracts(Tender t, List<Contract> signed, List<Map<String, Object>> awards,
                                                List<Bid> bids) {
        Map<UUID, Bid> byId = bids.stream().collect(Collectors.toMap(Bid::id, b -> b));
        List<Map<String, Object>> result = new ArrayList<>();
        for (Contract c : signed) {
            String awardId = awards.stream().filter(a -> ((List<String>) a.get("relatedLots")).contains(c.lotId().toString())
                            && ((List<String>) a.get("relatedBids")).stream().map(UUID::fromString).map(byId::get)
                            .anyMatch(b -> b.leadAgb().equals(c.providerAgb())))
                    .map(a -> (String) a.get("id")).findFirst().orElse(t.id() + "-award-unknown");
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put("id", c.id().toString());
            contract.put("awardID", awardId);
            contract.put("title", "Contract with AGB " + c.providerAgb() + " for lot "
                    + t.lot(c.lotId()).map(Tender.Lot::name).orElse(""));
            contract.put("status", c.status() == ContractStatus.ENDED ? "terminated" : "active");
            contract.put("period", period(c.validFrom(), c.validTo(), c.maxValidTo()));
            if (c.annualCeilingCents() != null) {
                contract.put("description", "Production ceiling per year EUR "
                        + BigDecimal.valueOf(c.annualCeilingCents(), 2).toPlainString() + "; municipalities "
                        + String.join(", ", c.municipalities()));
            }
            contract.put("items", items(c.lotId(), c.products()));
            result.add(contract);
        }
        return result;
    }

    private static List<Map<String, Object>> parties(Tender t, List<Bid> bids, List<Map<String, Object>> awards) {
        Map<String, Map<String, Object>> parties = new LinkedHashMap<>();
        parties.put(regionPartyId(t), party(regionPartyId(t), "Regio " + t.region(), "x_REGION", t.region(),
                List.of("buyer", "procuringEntity")));
        for (String municipality : t.terms().municipalities()) {
            parties.put("CBS-" + municipality, party("CBS-" + municipality, "Gemeente " + municipality, "x_CBS",
                    municipality, List.of("payer")));
        }
        Set<String> suppliers = awards.stream().flatMap(a -> ((List<?>) a.get("suppliers")).stream())
                .map(s -> (String) ((Map<?, ?>) s).get("id")).collect(Collectors.toSet());
        for (Bid bid : bids) {
            for (ConsortiumMember member : bid.parties()) {
                String id = agbPartyId(member.agbCode());
                List<String> roles = suppliers.contains(id) ? List.of("tenderer", "supplier") : List.of("tenderer");
                parties.putIfAbsent(id, party(id, "AGB " + member.agbCode(), "x_AGB", member.agbCode(), roles));
            }
        }
        return new ArrayList<>(parties.values());
    }

    private static Map<String, Object> party(String id, String name, String scheme, String code, List<String> roles) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("id", id);
        party.put("name", name);
        party.put("identifier", Map.of("scheme", scheme, "id", code));
        party.put("roles", roles);
        return party;
    }

    private static String regionPartyId(Tender t) {
        return "REGION-" + t.region();
    }

    private static String agbPartyId(String agb) {
        return "AGB-" + agb;
    }

    private static String status(TenderPhase phase) {
        if (!phase.isPublished()) {
            return "planning";
        }
        return phase == TenderPhase.DEFINITIVE_AWARD || phase == TenderPhase.IMPLEMENTATION ? "complete" : "active";
    }

    private static LocalDate maxEnd(Tender t) {
        int years = t.terms().initialYears() + (t.terms().extensionOptions() == null ? 0
                : t.terms().extensionOptions().stream().mapToInt(i -> i).sum());
        return t.terms().validFrom().plusYears(years).minusDays(1);
    }

    private static Map<String, Object> period(LocalDate from, LocalDate to, LocalDate max) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("startDate", start(from));
        period.put("endDate", end(to));
        period.put("maxExtentDate", end(max));
        return period;
    }

    private static String start(LocalDate day) {
        return day.atStartOfDay(ZONE).format(RFC_3339);
    }

    private static String end(LocalDate day) {
        return day.atTime(23, 59, 59).atZone(ZONE).format(RFC_3339);
    }
}
