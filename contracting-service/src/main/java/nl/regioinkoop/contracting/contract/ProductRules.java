package nl.regioinkoop.contracting.contract;

import nl.regioinkoop.contracting.common.Codes;
import nl.regioinkoop.contracting.common.Violations;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.Tariff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Checks products and tariffs against the codes and the funding model's shape, and turns them into terms. */
public final class ProductRules {
    private ProductRules() {
    }

    /** Adds every violation found; returns the products as they go into the terms (defaults filled in). */
    public static List<ContractProduct> products(List<ProductInput> products, LocalDate defaultFrom,
                                                 String defaultSegment, String field, Violations violations) {
        List<ContractProduct> result = new ArrayList<>();
        if (products == null || products.isEmpty()) {
            violations.add(field, "must name at least one product");
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < products.size(); i++) {
            String at = field + "[" + i + "]";
            ProductInput p = products.get(i);
            if (p == null) {
                violations.add(at, "must not be null");
                continue;
            }
            violations.check(Codes.isProductCategory(p.productCategory()), at + ".productCategory",
                    "must be a JZ020 youth category 40-55 or a WMO020 category 01-18, was " + p.productCategory());
            if (violations.check(Codes.isProductCode(p.productCode()), at + ".productCode",
                    "must be a product code of 1 to 5 capitals or digits, was " + p.productCode())) {
                violations.check(seen.add(p.productCategory() + "/" + p.productCode()), at + ".productCode",
                        "product " + p.productCategory() + "/" + p.productCode() + " appears twice");
            }
            String segment = p.segment() == null ? defaultSegment : p.segment();
            violations.check(segment == null || Codes.isSegment(segment), at + ".segment",
                    "must be a segment code of 2-40 letters, digits, - or _");
            String model = p.fundingModel();
            if (!violations.check(model != null && Codes.FUNDING_MODELS.contains(model), at + ".fundingModel",
                    "must be one of " + Codes.FUNDING_MODELS + ", was " + model)) {
                continue;
            }
            String unit = p.unit() == null ? defaultUnit(model) : p.unit();
            violations.check(unit == null || Codes.UNITS.contains(unit), at + ".unit",
                    "must be a WJ756 unit code " + Codes.UNITS + ", was " + unit);
            violations.check(!"PXQ".equals(model) || unit != null, at + ".unit",
                    "is required for PXQ (price per unit)");
            List<Tariff> tariffs = tariffs(model, p.tariffs(), defaultFrom, at + ".tariffs", violations);
            result.add(new ContractProduct(p.productCategory(), p.productCode(), segment, model, unit, tariffs));
        }
        return result;
    }

    private static String defaultUnit(String model) {
        return switch (model) {
            case "OUTPUT" -> "82";
            case "LUMP_SUM", "POPULATION" -> "83";
            default -> null;
        };
    }

    static List<Tariff> tariffs(String model, List<TariffInput> inputs, LocalDate defaultFrom, String field,
                                Violations violations) {
        List<Tariff> result = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            violations.check("COST_PLUS".equals(model), field,
                    "must hold at least one tariff for funding model " + model);
            return result;
        }
        for (int j = 0; j < inputs.size(); j++) {
            String at = field + "[" + j + "]";
            TariffInput t = inputs.get(j);
            if (t == null) {
                violations.add(at, "must not be null");
                continue;
            }
            violations.check(t.amountCents() != null && t.amountCents() > 0, at + ".amountCents",
                    "must be a positive amount in eurocents");
            int share = t.resultShareBasisPoints() == null ? 0 : t.resultShareBasisPoints();
            switch (model) {
                case "PXQ" -> {
                    violations.check(t.profile() == null && t.intensity() == null, at,
                            "a PXQ tariff is a price per unit: no profile or intensity");
                    violations.check(share == 0, at + ".resultShareBasisPoints", "applies to OUTPUT only");
                }
                case "OUTPUT" -> {
                    violations.check(t.profile() != null && !t.profile().isBlank() && t.profile().length() <= 40,
                            at + ".profile", "is required for OUTPUT (price per profile x intensity), max 40 characters");
                    violations.check(t.intensity() != null && t.intensity() >= 1 && t.intensity() <= 10,
                            at + ".intensity", "is required for OUTPUT, from 1 to 10");
                    violations.check(share >= 0 && share <= 10_000, at + ".resultShareBasisPoints",
                            "must be 0-10000 basis points");
                }
                case "LUMP_SUM" -> {
                    violations.check(t.area() != null && !t.area().isBlank() && t.area().length() <= 60,
                            at + ".area", "is required for LUMP_SUM (an amount per area per year)");
                    violations.check(share == 0, at + ".resultShareBasisPoints", "applies to OUTPUT only");
                }
                default -> violations.check(share == 0, at + ".resultShareBasisPoints", "applies to OUTPUT only");
            }
            LocalDate from = t.validFrom() == null ? defaultFrom : t.validFrom();
            if (!violations.check(from != null, at + ".validFrom", "is required")) {
                continue;
            }
            violations.check(t.validTo() == null || !t.validTo().isBefore(from), at + ".validTo",
                    "must not lie before validFrom " + from);
            violations.check(defaultFrom == null || !from.isBefore(defaultFrom), at + ".validFrom",
                    "must not lie before the term's start " + defaultFrom);
            result.add(new Tariff(blankToNull(t.profile()), t.intensity(), blankToNull(t.area()),
                    t.amountCents() == null ? 0 : t.amountCents(), from, t.validTo(), share));
        }
        checkNoOverlap(result, field, violations);
        return result;
    }

    /** Two prices for the same profile, intensity and area may not be valid on the same day. */
    static void checkNoOverlap(List<Tariff> tariffs, String field, Violations violations) {
        Map<String, List<Tariff>> byKey = new LinkedHashMap<>();
        tariffs.forEach(t -> byKey.computeIfAbsent(key(t), k -> new ArrayList<>()).add(t));
        byKey.forEach((key, list) -> {
            list.sort(Comparator.comparing(Tariff::validFrom));
            for (int i = 1; i < list.size(); i++) {
                Tariff before = list.get(i - 1);
                if (before.validTo() == null || !before.validTo().isBefore(list.get(i).validFrom())) {
                    violations.add(field, "two tariffs for " + key + " overlap from " + list.get(i).validFrom());
                }
            }
        });
    }

    static String key(Tariff t) {
        return "profile=" + t.profile() + ", intensity=" + t.intensity() + ", area=" + t.area();
    }

    static boolean sameKey(Tariff t, String profile, Integer intensity, String area) {
        return Objects.equals(t.profile(), blankToNull(profile)) && Objects.equals(t.intensity(), intensity)
                && Objects.equals(t.area(), blankToNull(area));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Checks the shared terms; the municipalities come back in a stable order without duplicates. */
    public static void terms(TermsInput terms, String field, Violations violations) {
        if (terms == null) {
            violations.add(field, "are required");
            return;
        }
        List<String> municipalities = terms.municipalities();
        if (violations.check(municipalities != null && !municipalities.isEmpty(), field + ".municipalities",
                "must name at least one participating municipality")) {
            for (int i = 0; i < municipalities.size(); i++) {
                violations.check(Codes.isMunicipality(municipalities.get(i)), field + ".municipalities[" + i + "]",
                        "must be a 4-digit CBS municipality code, was " + municipalities.get(i));
            }
            violations.check(new HashSet<>(municipalities).size() == municipalities.size(),
                    field + ".municipalities", "must not name a municipality twice");
        }
        violations.check(terms.validFrom() != null, field + ".validFrom", "is required");
        violations.check(terms.initialYears() != null && terms.initialYears() >= 1 && terms.initialYears() <= 10,
                field + ".initialYears", "must be 1 to 10 years");
        List<Integer> options = terms.extensionOptions() == null ? List.of() : terms.extensionOptions();
        violations.check(options.size() <= 5, field + ".extensionOptions", "at most 5 extension options");
        for (int i = 0; i < options.size(); i++) {
            Integer o = options.get(i);
            violations.check(o != null && o >= 1 && o <= 5, field + ".extensionOptions[" + i + "]",
                    "an extension option is 1 to 5 years");
        }
        violations.check(terms.noticeMonths() == null || (terms.noticeMonths() >= 0 && terms.noticeMonths() <= 24),
                field + ".noticeMonths", "must be 0 to 24 months");
        violations.check(terms.annualCeilingCents() == null || terms.annualCeilingCents() > 0,
                field + ".annualCeilingCents", "must be a positive amount in eurocents, or absent for no ceiling");
        violations.check(terms.acceptanceDutyDays() == null
                        || (terms.acceptanceDutyDays() >= 1 && terms.acceptanceDutyDays() <= 366),
                field + ".acceptanceDutyDays", "must be 1 to 366 days, or absent for no acceptance duty");
    }
}
