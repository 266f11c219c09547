package nl.regioinkoop.access.referral;

import io.micronaut.context.annotation.Value;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Registers referrals and requests, records triage and rejects requests; each change announced via the outbox. */
@Singleton
public class ReferralDesk {
    private final Referrals referrals;
    private final Clients clients;
    private final Outbox outbox;
    private final Clock clock;
    private final RegionSettings settings;
    private final List<RegionSettings> regions;
    private final int answerWorkingDays;

    ReferralDesk(Referrals referrals, Clients clients, Outbox outbox, Clock clock, List<RegionSettings> regions,
                 @Value("${regio.region}") String region,
                 @Value("${access.request-answer-working-days:5}") int answerWorkingDays) {
        this.referrals = referrals;
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
        Client client = clients.findById(command.clientId())
                .orElseThrow(() -> ProblemException.invalid("Client " + command.clientId() + " is not registered",
                        new Problem.Violation("clientId", "unknown client")));
        caller.requireMunicipality(client.municipalityCode());
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
        LocalDate receivedOn = null;
        LocalDate deadline = null;
        if (command.requestingProviderAgb() != null) {
            receivedOn = command.receivedOn() == null ? today : command.receivedOn();
            if (receivedOn.isAfter(today) || receivedOn.isBefore(command.referralDate())) {
                throw ProblemException.invalid("receivedOn must lie between the referral date and today",
                        new Problem.Violation("receivedOn", "out of range"));
            }
            deadline = WorkingDays.plus(receivedOn, answerWorkingDays);
        } else if (command.receivedOn() != null) {
            throw ProblemException.invalid("receivedOn belongs to a provider's request: give requestingProviderAgb too",
                    new Problem.Violation("receivedOn", "only for requests"));
        }
        Referral referral = referrals.save(new Referral(UUID.randomUUID(), client.id(), client.municipalityCode(),
                client.pseudonym(), command.referrerType(), blankToNull(command.referrerName()), command.referrerAgb(),
                command.referralDate(), command.question().strip(), command.crisis(), command.requestingProviderAgb(),
                receivedOn, deadline, null, null, null, null, null, null, null, null, null, null, clock.instant()));
        outbox.append(Topics.REFERRALS_V1, new ReferralRegistered(Outbox.newEventId(), clock.instant(), referral.id(),
                referral.municipalityCode(), referral.clientPseudonym(), referral.referrerType(), referral.referrerAgb(),
                referral.referralDate(), referral.crisis(), referral.requestingProviderAgb(), referral.answerDeadline()));
        return referral;
    }

    @Transactional
    public Referral triage(UUID referralId, RecordTriage command, Caller caller) {
        Referral referral = referrals.findByIdForUpdate(referralId)
                .orElseThrow(() -> ProblemException.notFound("Referral " + referralId));
        caller.requireMunicipality(referral.municipalityCode());
        RegionSettings vocabulary = settings(referral.municipalityCode());
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
        LocalDate today = LocalDate.now(clock);
        Referral triaged = referrals.update(referral.triaged(command.segment(), command.profile(), command.intensity(),
                command.outcome(), blankToNull(command.notes()), today));
        outbox.append(Topics.REFERRALS_V1, new ReferralTriaged(Outbox.newEventId(), clock.instant(), triaged.id(),
                triaged.municipalityCode(), triaged.clientPseudonym(), triaged.referrerType(), triaged.segment(),
                triaged.profile(), triaged.intensity(), triaged.outcome(), today));
        return triaged;
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
