package nl.regioinkoop.access.message;

import jakarta.inject.Singleton;
import nl.regioinkoop.access.allocation.Allocation;
import nl.regioinkoop.access.allocation.AllocationNumbers;
import nl.regioinkoop.access.allocation.Allocations;
import nl.regioinkoop.access.client.Client;
import nl.regioinkoop.access.client.Clients;
import nl.regioinkoop.access.referral.Referral;
import nl.regioinkoop.access.referral.Referrals;
import nl.regioinkoop.istandaarden.AllocatedProduct;
import nl.regioinkoop.istandaarden.AllocationMessage;
import nl.regioinkoop.istandaarden.AllocationMessages;
import nl.regioinkoop.istandaarden.Contact;
import nl.regioinkoop.istandaarden.Extent;
import nl.regioinkoop.istandaarden.Header;
import nl.regioinkoop.istandaarden.MessageSchemas;
import nl.regioinkoop.istandaarden.MessageType;
import nl.regioinkoop.istandaarden.Product;
import nl.regioinkoop.istandaarden.RequestAnswer;
import nl.regioinkoop.istandaarden.RequestAnswerMessages;
import nl.regioinkoop.istandaarden.SchemaMissingException;
import nl.regioinkoop.istandaarden.Standard;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What access-service sends the provider: an allocation as JW301/WMO301 (with the client's BSN: only to the allocated
 * provider) and a rejected request as JW319/WMO319 (only to the requesting provider). Anyone else gets the same 404
 * as for an unknown id.
 */
@Singleton
class OutgoingMessages {
    private static final Set<String> WMO_CATEGORIES = Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09",
            "10", "11", "12", "13", "14", "15", "16", "17", "18");
    /** AdresSoort 01: the address in the BRP; the platform keeps none, so the contact names only its kind. */
    private static final String BRP = "01";
    private static final String EUROS = "83";
    private static final String UNKNOWN_GENDER = "0";

    private final Allocations allocations;
    private final Clients clients;
    private final Referrals referrals;
    private final MessageStore store;
    private final Istandaarden istandaarden;
    private final Inbound inbound;
    private final Clock clock;

    OutgoingMessages(Allocations allocations, Clients clients, Referrals referrals, MessageStore store,
                     Istandaarden istandaarden, Inbound inbound, Clock clock) {
        this.allocations = allocations;
        this.clients = clients;
        this.referrals = referrals;
        this.store = store;
        this.istandaarden = istandaarden;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** The allocation as it stands: issued, changed (RedenWijziging 04/05/14), ended (05, 02, 06, 09) or withdrawn (13). */
    byte[] allocation(UUID id, Caller caller) {
        // not found and not yours answer alike, so a provider learns nothing of others' allocations
        Allocation a = allocations.findById(id).filter(found -> found.providerAgb().equals(caller.providerAgb()))
                .orElseThrow(() -> ProblemException.notFound("Allocation " + id));
        Client client = clients.findById(a.clientId()).orElseThrow();
        MessageSchemas schemas = istandaarden.schemas();
        String category = category(a.productCategory(), a.productCode());
        MessageType type = MessageType.of(standardOf(category), 301);
        MessageStore.Change change = store.lastChange(a.id()).orElse(null);
        Instant decided = change == null ? a.issuedAt() : change.at();
        ZonedDateTime at = decided.atZone(clock.getZone()).truncatedTo(ChronoUnit.SECONDS);
        LocalDate end = a.validTo();
        if (a.endedOn() != null) {
            end = a.endedOn().isBefore(a.validFrom()) ? a.validFrom() : a.endedOn().isAfter(end) ? end : a.endedOn();
        }
        boolean budget = EUROS.equals(a.unit());
        String reference = store.requestOf(a.referralId())
                .filter(r -> r.providerAgb().equals(a.providerAgb()))
                .map(MessageStore.Request::providerReference).orElse(null);
        AllocatedProduct product = new AllocatedProduct(AllocationNumbers.of(a.id()), reference,
                new Product(category, a.productCode()), at.toLocalDate(), LocalTime.from(at), a.validFrom(), end,
                change == null ? null : change.reason(),
                budget ? null : new Extent(a.volume(), a.unit(), a.frequency()),
                budget ? Math.multiplyExact(a.volume(), 100L) : null, null);
        AllocationMessage message = new AllocationMessage(type,
                Header.outgoing(a.municipalityCode(), a.providerAgb(), inbound.newMessageId(), inbound.today()),
                nl.regioinkoop.istandaarden.Client.of(client.bsn(), client.birthDate(), UNKNOWN_GENDER,
                        Names.split(client.name())),
                List.of(new Contact(BRP, null)), List.of(product));
        try {
            return new AllocationMessages(schemas).write(message);
        } catch (SchemaMissingException e) {
            throw Istandaarden.notConfigured("there is no " + type.schemaFile() + " in the schema directory");
        }
    }

    /** The answer "no" to a provider's request for allocation or change, with its WJ759 reason. */
    byte[] rejection(UUID referralId, Caller caller) {
        Referral referral = referrals.findById(referralId)
                .filter(r -> r.isRequest() && r.requestingProviderAgb().equals(caller.providerAgb()))
                .orElseThrow(() -> ProblemException.notFound("Request " + referralId));
        if (!"REJECTED".equals(referral.answer())) {
            throw ProblemException.conflict("request-not-rejected", "Request not rejected",
                    "Request " + referralId + " is " + (referral.answer() == null ? "not answered yet"
                            : "answered " + referral.answer().toLowerCase()) + "; a 319 answers a rejected request "
                            + "(an allocation is fetched as its 301 from /api/v1/allocations/{id}/message)");
        }
        MessageSchemas schemas = istandaarden.schemas();
        MessageStore.Request request = store.requestOf(referralId).orElse(null);
        Standard standard = request != null ? MessageType.valueOf(request.messageType()).standard()
                : referral.segment() != null && referral.segment().startsWith("WMO") ? Standard.IWMO : Standard.IJW;
        MessageType type = MessageType.of(standard, 319);
        // a request registered through the JSON API has no provider reference: its id (36 characters) stands in
        String reference = request != null ? request.providerReference() : referral.id().toString();
        RequestAnswer answer = RequestAnswer.rejected(type, Header.outgoing(referral.municipalityCode(),
                        caller.providerAgb(), inbound.newMessageId(), inbound.today()), reference,
                referral.rejectionReasonCode());
        try {
            return new RequestAnswerMessages(schemas).write(answer);
        } catch (SchemaMissingException e) {
            throw Istandaarden.notConfigured("there is no " + type.schemaFile() + " in the schema directory");
        }
    }

    static String category(String category, String productCode) {
        return category != null ? category : productCode.substring(0, 2);
    }

    static Standard standardOf(String category) {
        return WMO_CATEGORIES.contains(category) ? Standard.IWMO : Standard.IJW;
    }
}
