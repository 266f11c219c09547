package nl.regioinkoop.access.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.events.contracting.Tariff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers, from the local replicas, whether a provider holds a contract valid for a product, segment, profile,
 * intensity, period and municipality, and at which tariff; and which providers do.
 */
@Singleton
public class ContractCatalogue {
    private final JdbcOperations jdbc;
    private final ObjectMapper mapper;
    private final Map<UUID, ParsedTerms> parsedTerms = new ConcurrentHashMap<>();

    ContractCatalogue(JdbcOperations jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** What is asked of a contract for one allocation. */
    public record Need(String productCode, String municipalityCode, String segment, @Nullable String profile,
                       @Nullable Integer intensity, LocalDate from, LocalDate to) {
    }

    /** Either an eligibility or the reason there is none, in words an access officer can act on. */
    public record Verdict(@Nullable Eligibility eligibility, @Nullable String refusal) {
    }

    /** The verdict on one provider and every eligible provider, from one read of the replicas. */
    public record Assessment(Verdict verdict, List<Eligibility> eligible) {
    }

    @Transactional
    public Verdict check(String providerAgb, Need need) {
        Replicas replicas = read(need.municipalityCode());
        return verdict(providerAgb, need, replicas.providers(), replicas.contracts());
    }

    /** Every provider eligible for the need, cheapest first; one line per provider. */
    @Transactional
    public List<Eligibility> eligibleProviders(Need need) {
        Replicas replicas = read(need.municipalityCode());
        return eligible(need, replicas.providers(), replicas.contracts());
    }

    /**
     * {@link #check} and {@link #eligibleProviders} together, as issuing an allocation needs both: the replicas are
     * read once instead of twice per allocation.
     */
    @Transactional
    public Assessment assess(String providerAgb, Need need) {
        Replicas replicas = read(need.municipalityCode());
        return new Assessment(verdict(providerAgb, need, replicas.providers(), replicas.contracts()),
                eligible(need, replicas.providers(), replicas.contracts()));
    }

    /** A product the municipality has contracted in a segment, as the allocation form offers it. */
    public record Offer(String productCode, @Nullable String productCategory, String fundingModel,
                        @Nullable String unit) {
    }

    /**
     * The products of the municipality's active contracts in force on {@code on} that cover the segment, by code:
     * what an officer can allocate for a referral triaged in that segment (which provider, at which tariff and
     * whether the profile fits is {@link #eligibleProviders}'s answer).
     */
    @Transactional
    public List<Offer> productsFor(String municipalityCode, String segment, LocalDate on) {
        Map<String, Offer> offers = new java.util.TreeMap<>();
        for (Stored contract : read(municipalityCode).contracts()) {
            if (!"ACTIVE".equals(contract.status()) || on.isBefore(contract.terms().validFrom())
                    || on.isAfter(contract.validTo())) {
                continue;
            }
            for (ContractProduct product : products(contract.terms(), null)) {
                String productSegment = product.segment() != null ? product.segment() : contract.terms().segment();
                if (product.productCode() != null && (productSegment == null || productSegment.equals(segment))) {
                    offers.putIfAbsent(product.productCode(), new Offer(product.productCode(),
                            product.productCategory(), product.fundingModel() == null ? "PXQ" : product.fundingModel(),
                            product.unit()));
                }
            }
        }
        return List.copyOf(offers.values());
    }

    private Verdict verdict(String providerAgb, Need need, Map<String, KnownProvider> providers, List<Stored> contracts) {
        KnownProvider provider = providers.get(providerAgb);
        if (provider == null || !provider.active()) {
            return new Verdict(null, "provider " + providerAgb + " is not an active provider in the registry");
        }
        String refusal = null;
        boolean holdsOne = false;
        for (Stored contract : contracts) {
            if (!holds(contract.terms(), providerAgb)) {
                continue;
            }
            for (ContractProduct product : products(contract.terms(), need.productCode())) {
                if (need.from().isBefore(contract.terms().validFrom()) || need.from().isAfter(contract.validTo())) {
                    continue;
                }
                holdsOne = true;
                Result result = evaluate(contract, product, need, provider);
                if (result.eligibility() != null) {
                    return new Verdict(result.eligibility(), null);
                }
                refusal = refusal == null ? result.refusal() : refusal;
            }
        }
        if (!holdsOne) {
            return new Verdict(null, "provider " + providerAgb + " holds no contract for product "
                    + need.productCode() + " in " + need.municipalityCode() + " on " + need.from());
        }
        return new Verdict(null, refusal);
    }

    private List<Eligibility> eligible(Need need, Map<String, KnownProvider> providers, List<Stored> contracts) {
        Map<String, Eligibility> best = new HashMap<>();
        for (Stored contract : contracts) {
            for (ContractProduct product : products(contract.terms(), need.productCode())) {
                if (need.from().isBefore(contract.terms().validFrom()) || need.from().isAfter(contract.validTo())) {
                    continue;
                }
                for (String agb : holders(contract.terms())) {
                    KnownProvider provider = providers.get(agb);
                    if (provider == null || !provider.active()) {
                        continue;
                    }
                    Eligibility e = evaluate(contract, product, need, provider).eligibility();
                    if (e != null && !e.providerAgb().equals(agb)) {
                        e = new Eligibility(agb, provider.name(), e.contractId(), e.contractForm(), e.productCategory(),
                                e.productCode(), e.segment(), e.fundingModel(), e.unit(), e.tariffCents());
                    }
                    if (e != null) {
                        best.merge(agb, e, (a, b) -> a.tariffCents() <= b.tariffCents() ? a : b);
                    }
                }
            }
        }
        return best.values().stream().sorted(Comparator.comparingLong(Eligibility::tariffCents)
                .thenComparing(Eligibility::providerAgb)).toList();
    }

    private record Result(Eligibility eligibility, String refusal) {
    }

    private Result evaluate(Stored contract, ContractProduct product, Need need, KnownProvider provider) {
        ContractTerms terms = contract.terms();
        String id = terms.contractId().toString();
        if (!"ACTIVE".equals(contract.status())) {
            return new Result(null, "contract " + id + " of provider " + provider.agb() + " is "
                    + contract.status().toLowerCase() + ": no new allocations under it");
        }
        if (need.to().isAfter(contract.validTo())) {
            return new Result(null, "contract " + id + " of provider " + provider.agb() + " ends on "
                    + contract.validTo() + ", before the allocation's end " + need.to());
        }
        String segment = product.segment() != null ? product.segment() : terms.segment();
        if (segment != null && !segment.equals(need.segment())) {
            return new Result(null, "contract " + id + " covers product " + product.productCode() + " in segment "
                    + segment + ", not " + need.segment());
        }
        String model = product.fundingModel() == null ? "PXQ" : product.fundingModel();
        long tariff;
        if ("PXQ".equals(model)) {
            Optional<Tariff> t = tariffs(product, need.from()).stream()
                    .filter(x -> x.profile() == null || x.profile().equals(need.profile()))
                    .max(Comparator.comparing(x -> x.profile() != null)); // a profile's own price wins
            if (t.isEmpty()) {
                return new Result(null, "contract " + id + " has no tariff for product " + product.productCode()
                        + " on " + need.from());
            }
            tariff = t.get().amountCents();
        } else if ("OUTPUT".equals(model)) {
            Optional<Tariff> t = tariffs(product, need.from()).stream()
                    .filter(x -> Objects.equals(x.profile(), need.profile())
                            && Objects.equals(x.intensity(), need.intensity()))
                    .findFirst();
            if (t.isEmpty()) {
                return new Result(null, "contract " + id + " has no trajectory price for product "
                        + product.productCode() + " for profile " + need.profile() + " at intensity "
                        + need.intensity() + " on " + need.from());
            }
            tariff = t.get().amountCents();
        } else {
            tariff = 0; // lump sum, capacity, population, cost-plus: no per-client price
        }
        return new Result(new Eligibility(provider.agb(), provider.name(), terms.contractId(), terms.contractForm(),
                product.productCategory(), product.productCode(), segment, model, product.unit(), tariff), null);
    }

    private static List<Tariff> tariffs(ContractProduct product, LocalDate on) {
        if (product.tariffs() == null) {
            return List.of();
        }
        return product.tariffs().stream()
                .filter(t -> (t.validFrom() == null || !t.validFrom().isAfter(on))
                        && (t.validTo() == null || !t.validTo().isBefore(on)))
                .toList();
    }

    private static List<ContractProduct> products(ContractTerms terms, @Nullable String productCode) {
        if (terms.products() == null) {
            return List.of();
        }
        return terms.products().stream()
                .filter(p -> productCode == null || productCode.equals(p.productCode())).toList();
    }

    private static boolean holds(ContractTerms terms, String agb) {
        return holders(terms).contains(agb);
    }

    /** The contractor and, in a consortium, its members: each may deliver under the contract. */
    private static List<String> holders(ContractTerms terms) {
        List<String> agbs = new ArrayList<>();
        if (terms.providerAgb() != null) {
            agbs.add(terms.providerAgb());
        }
        if (terms.members() != null) {
            for (ConsortiumMember m : terms.members()) {
                if (m.agbCode() != null && !agbs.contains(m.agbCode())) {
                    agbs.add(m.agbCode());
                }
            }
        }
        return agbs;
    }

    private record Stored(ContractTerms terms, String status, LocalDate validTo) {
    }

    private record KnownProvider(String agb, String name, boolean active) {
    }

    /** Terms as parsed, with the md5 of the stored JSON they were parsed from. */
    private record ParsedTerms(String digest, ContractTerms terms) {
    }

    /** The registry's providers and the municipality's contracts, as one check needs them. */
    private record Replicas(Map<String, KnownProvider> providers, List<Stored> contracts) {
    }

    /**
     * The registry's providers and the municipality's contracts, in one round trip. The contracts' terms are parsed
     * once per version and kept: parsing every contract's JSON for every allocation took most of an allocation's
     * CPU (deploy/bench P2). The database names the version (md5 of the stored terms, column terms_digest), so an
     * amended contract is read again and no stale terms are ever used; status and end date always come from the row.
     */
    private Replicas read(String municipalityCode) {
        Map<String, KnownProvider> providers = new HashMap<>();
        List<Object[]> contractRows = new ArrayList<>();
        // terms_digest and municipalities are stored columns (V6): this read never touches the terms themselves
        jdbc.prepareStatement("""
                select 'contract', contract_id::text, terms_digest, status, valid_to, null::boolean from contract
                where municipalities @> jsonb_build_array(?::text)
                union all
                select 'provider', agb_code, name, null, null, active from provider""", st -> {
            try {
                st.setString(1, municipalityCode);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        if ("provider".equals(rs.getString(1))) {
                            providers.put(rs.getString(2), new KnownProvider(rs.getString(2), rs.getString(3),
                                    rs.getBoolean(6)));
                        } else {
                            contractRows.add(new Object[]{UUID.fromString(rs.getString(2)), rs.getString(3),
                                    rs.getString(4), rs.getDate(5).toLocalDate()});
                        }
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<UUID> unparsed = contractRows.stream().filter(r -> !parsedVersion((UUID) r[0], (String) r[1]))
                .map(r -> (UUID) r[0]).toList();
        if (!unparsed.isEmpty()) {
            parse(unparsed);
        }
        List<Stored> contracts = new ArrayList<>(contractRows.size());
        for (Object[] r : contractRows) {
            ParsedTerms parsed = parsedTerms.get((UUID) r[0]);
            if (parsed != null) { // null only if the contract vanished in between: contracts are never deleted
                contracts.add(new Stored(parsed.terms(), (String) r[2], (LocalDate) r[3]));
            }
        }
        return new Replicas(providers, contracts);
    }

    private boolean parsedVersion(UUID contractId, String digest) {
        ParsedTerms parsed = parsedTerms.get(contractId);
        return parsed != null && parsed.digest().equals(digest);
    }

    private void parse(List<UUID> contractIds) {
        jdbc.prepareStatement("select contract_id, terms_digest, terms::text from contract where contract_id = any(?)",
                st -> {
                    try {
                        st.setArray(1, st.getConnection().createArrayOf("uuid", contractIds.toArray()));
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                parsedTerms.put(rs.getObject(1, UUID.class), new ParsedTerms(rs.getString(2),
                                        mapper.readValue(rs.getString(3), ContractTerms.class)));
                            }
                        }
                        return null;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
