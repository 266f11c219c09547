package nl.regioinkoop.access.referral;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.access.Codes;
import nl.regioinkoop.access.client.Client;
import nl.regioinkoop.access.client.Clients;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.AllocationRequestRejected;
import nl.regioinkoop.events.access.ReferralRegistered;
import nl.regioinkoop.events.access.ReferralTriaged;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Registers referrals and requests, records triage and rejects requests; each change announced via the outbox. */
@Singleton
public class ReferralDesk {
    private final Referrals referrals;
    private final Clients clients;
    private final JdbcOperations jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final RegionSettings settings;
    private final List<RegionSettings> regions;
    private final int answerWorkingDays;

    ReferralDesk(Referrals referrals, Clients clients, JdbcOperations jdbc, Outbox outbox, Clock clock,
                 List<RegionSettings> regions, @Value("${regio.region}") String region,
                 @Value("${access.request-answer-working-days:5}") int answerWorkingDays) {
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.clients = clients;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = regions.stream().filter(r -> r.getRegion().equalsIgnoreCase(region)).findFirst() // keys are lower-cased
                .orElseThrow(() -> new IllegalStateException("no access.regions." + region + " triage settings"));
        this.regions = List.copyOf(regions);
        this.answerWorkingDays = answerWorkingDays;
    }

    /**
     * The vocabulary of the region the municipality belongs to (its {@code municipalities} list), else this
     * deployment's own region ({@code regio.region}): several regions' models can run on one platform.
     */
    RegionSettings settings(String municipalityCode) {
        return regions.stream().filter(r -> r.getMunicipalities().contains(municipalityCode)).findFirst()
                .orElse(settings);
    }

    @Transactional
    public Referral register(RegisterReferral command, Caller caller) {
        RequestDates dates;
        try {
            dates = validate(command);
        } catch (ProblemException invalid) {
            ownClient(command.clientId(), caller); // an unknown or another municipality's client is answered first
            throw invalid;
        }
        // one statement: the client's municipality and pseudonym are copied by the insert, which inserts nothing
        // for an unknown client or one of another municipality (told apart below, on that path only)
        Referral referral = insertForOwnClient(UUID.randomUUID(), command, dates, caller.municipalityCode());
        if (referral == null) {
            ownClient(command.clientId(), caller);
            throw new IllegalStateException("client " + command.clientId() + " is the caller's, yet not inserted");
        }
        outbox.append(Topics.REFERRALS_V1, new ReferralRegistered(Outbox.newEventId(), clock.instant(), referral.id(),
                referral.municipalityCode(), referral.clientPseudonym(), referral.referrerType(), referral.referrerAgb(),
                referral.referralDate(), referral.crisis(), referral.requestingProviderAgb(), referral.answerDeadline()));
        return referral;
    }

    /** When a provider's request was received and by when it is to be answered; both null for a referral. */
    private record RequestDates(LocalDate receivedOn, LocalDate answerDeadline) {
    }

    private RequestDates validate(RegisterReferral command) {
        Codes.require(Codes.REFERRER, "COD327 referrer", "referrerType", command.referrerType());
        LocalDate today = LocalDate.now(clock);
        if (command.referralDate().isAfter(today)) {
            throw ProblemException.invalid("The referral date " + command.referralDate() + " lies in the future",
                    new Problem.Violation("referralDate", "in the future"));
        }
        boolean named = (command.referrerName() != null && !command.referrerName().isBlank())
                || command.referrerAgb() != null;
        if (!named && !"06".equals(command.referrerType()) && !"01".equals(command.referrerType())) {
            throw ProblemException.invalid("A referral by a " + Codes.REFERRER.get(command.referrerType())
                    + " names the referrer: give referrerName or referrerAgb",
                    new Problem.Violation("referrerName", "required for this referrer type"));
        }
        if (command.requestingProviderAgb() != null) {
            LocalDate receivedOn = command.receivedOn() == null ? today : command.receivedOn();
            if (receivedOn.isAfter(today) || receivedOn.isBefore(command.referralDate())) {
                throw ProblemException.invalid("receivedOn must lie between the referral date and today",
                        new Problem.Violation("receivedOn", "out of range"));
            }
            return new RequestDates(receivedOn, WorkingDays.plus(receivedOn, answerWorkingDays));
        } else if (command.receivedOn() != null) {
            throw ProblemException.invalid("receivedOn belongs to a provider's request: give requestingProviderAgb too",
                    new Problem.Violation("receivedOn", "only for requests"));
        }
        return new RequestDates(null, null);
    }

    /** @throws ProblemException 400 for an unknown client, 403 for another municipality's */
    private void ownClient(UUID clientId, Caller caller) {
        Client client = clients.findById(clientId)
                .orElseThrow(() -> ProblemException.invalid("Client " + clientId + " is not registered",
                        new Problem.Violation("clientId", "unknown client")));
        caller.requireMunicipality(client.municipalityCode());
    }

    /** @return the referral as inserted, or null when the client is unknown or not of {@code municipalityCode} */
    private Referral insertForOwnClient(UUID id, RegisterReferral command, RequestDates dates, String municipalityCode) {
        return jdbc.prepareStatement("""
                insert into referral (id, client_id, municipality_code, client_pseudonym, referrer_type, referrer_name,
                  referrer_agb, referral_date, question, crisis, requesting_provider_agb, received_on, answer_deadline,
                  registered_at)
                select ?::uuid, id, municipality_code, pseudonym, ?::text, ?::text, ?::text, ?::date, ?::text,
                  ?::boolean, ?::text, ?::date, ?::date, ?::timestamptz
                from client where id = ? and municipality_code = ?
                returning *""", st -> {
            try {
                st.setObject(1, id);
                st.setString(2, command.referrerType());
                st.setString(3, blankToNull(command.referrerName()));
                st.setString(4, command.referrerAgb());
                st.setObject(5, command.referralDate());
                st.setString(6, command.question().strip());
                st.setBoolean(7, command.crisis());
                st.setString(8, command.requestingProviderAgb());
                st.setObject(9, dates.receivedOn());
                st.setObject(10, dates.answerDeadline());
                st.setObject(11, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                st.setObject(12, command.clientId());
                st.setString(13, municipalityCode);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? jdbc.readEntity(rs, Referral.class) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not register the referral", e);
            }
        });
    }

    @Transactional
    public Referral triage(UUID referralId, RecordTriage command, Caller caller) {
        // a referral the caller may triage is of the caller's municipality, so its region's vocabulary applies
        RegionSettings vocabulary = settings(caller.municipalityCode());
        try {
            validate(command, vocabulary);
        } catch (ProblemException invalid) {
            ownReferral(referralId, caller); // an unknown or another municipality's referral is answered first
            throw invalid;
        }
        LocalDate today = LocalDate.now(clock);
        // one statement instead of a locking read and a write of every column; nothing for an unknown referral
        // or one of another municipality (told apart below, on that path only)
        Referral triaged = recordTriage(referralId, caller.municipalityCode(), command, today);
        if (triaged == null) {
            ownReferral(referralId, caller);
            throw new IllegalStateException("referral " + referralId + " is the caller's, yet not triaged");
        }
        outbox.append(Topics.REFERRALS_V1, new ReferralTriaged(Outbox.newEventId(), clock.instant(), triaged.id(),
                triaged.municipalityCode(), triaged.clientPseudonym(), triaged.referrerType(), triaged.segment(),
                triaged.profile(), triaged.intensity(), triaged.outcome(), today));
        return triaged;
    }

    private static void validate(RecordTriage command, RegionSettings vocabulary) {
        if (!vocabulary.getSegments().contains(command.segment())) {
            throw ProblemException.invalid("segment must be one of " + vocabulary.getSegments() + " in region "
                    + vocabulary.getRegion(), new Problem.Violation("segment", "unknown segment"));
        }
        if (command.profile() != null && !vocabulary.getProfiles().contains(command.profile())) {
            throw ProblemException.invalid("profile must be one of " + vocabulary.getProfiles(),
                    new Problem.Violation("profile", "unknown profile"));
        }
        if (command.intensity() != null
                && (command.intensity() < 1 || command.intensity() > vocabulary.getMaxIntensity())) {
            throw ProblemException.invalid("intensity must lie between 1 and " + vocabulary.getMaxIntensity(),
                    new Problem.Violation("intensity", "out of range"));
        }
        if (Referral.SPECIALIST_CARE.equals(command.outcome())
                && (command.profile() == null || command.intensity() == null)) {
            throw ProblemException.invalid("Specialist care needs a client profile and an intensity",
                    new Problem.Violation("profile", "required for SPECIALIST_CARE"));
        }
    }

    /** @throws ProblemException 404 for an unknown referral, 403 for another municipality's */
    private void ownReferral(UUID referralId, Caller caller) {
        Referral referral = referrals.findById(referralId)
                .orElseThrow(() -> ProblemException.notFound("Referral " + referralId));
        caller.requireMunicipality(referral.municipalityCode());
    }

    /** @return the referral as triaged, or null when it is unknown or not of {@code municipalityCode} */
    private Referral recordTriage(UUID referralId, String municipalityCode, RecordTriage command, LocalDate on) {
        return jdbc.prepareStatement("""
                update referral set segment = ?, profile = ?, intensity = ?, outcome = ?, triage_notes = ?,
                  triaged_on = ?
                where id = ? and municipality_code = ?
                returning *""", st -> {
            try {
                st.setString(1, command.segment());
                st.setString(2, command.profile());
                st.setObject(3, command.intensity(), Types.INTEGER);
                st.setString(4, command.outcome());
                st.setString(5, blankToNull(command.notes()));
                st.setObject(6, on);
                st.setObject(7, referralId);
                st.setString(8, municipalityCode);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? jdbc.readEntity(rs, Referral.class) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the triage", e);
            }
        });
    }

    @Transactional
    public Referral reject(UUID referralId, RejectRequest command, Caller caller) {
        Referral referral = referrals.findByIdForUpdate(referralId)
                .orElseThrow(() -> ProblemException.notFound("Request " + referralId));
        caller.requireMunicipality(referral.municipalityCode());
        Codes.require(Codes.REJECTION_REASON, "WJ759 rejection reason", "reasonCode", command.reasonCode());
        requireOpenRequest(referral);
        String reason = command.reason() == null || command.reason().isBlank()
                ? Codes.REJECTION_REASON.get(command.reasonCode()) : command.reason().strip();
        Referral answered = referrals.update(referral.answered("REJECTED", LocalDate.now(clock), command.reasonCode(),
                reason));
        outbox.append(Topics.ALLOCATIONS_V1, new AllocationRequestRejected(Outbox.newEventId(), clock.instant(),
                answered.id(), answered.municipalityCode(), answered.requestingProviderAgb(), command.reasonCode(),
                reason));
        return answered;
    }

    /** @throws ProblemException 409 when the referral is no request, or one already answered */
    public static void requireOpenRequest(Referral referral) {
        if (!referral.isRequest()) {
            throw ProblemException.conflict("not-a-request", "Not a request for allocation",
                    "Referral " + referral.id() + " is not a provider's request for allocation");
        }
        if (referral.answeredOn() != null) {
            throw ProblemException.conflict("request-already-answered", "Request already answered",
                    "Request " + referral.id() + " was answered on " + referral.answeredOn() + " (" + referral.answer() + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
