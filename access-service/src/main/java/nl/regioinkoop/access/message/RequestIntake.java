package nl.regioinkoop.access.message;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.access.allocation.Allocation;
import nl.regioinkoop.access.allocation.Allocations;
import nl.regioinkoop.access.client.Bsn;
import nl.regioinkoop.access.client.Client;
import nl.regioinkoop.access.client.ClientRegistration;
import nl.regioinkoop.access.client.RegisterClient;
import nl.regioinkoop.access.referral.Referral;
import nl.regioinkoop.access.referral.ReferralDesk;
import nl.regioinkoop.access.referral.Referrals;
import nl.regioinkoop.access.referral.RegisterReferral;
import nl.regioinkoop.istandaarden.AllocationRequest;
import nl.regioinkoop.istandaarden.AllocationRequestMessages;
import nl.regioinkoop.istandaarden.ChangeRequest;
import nl.regioinkoop.istandaarden.ChangeRequestMessages;
import nl.regioinkoop.istandaarden.Extent;
import nl.regioinkoop.istandaarden.Header;
import nl.regioinkoop.istandaarden.NewProduct;
import nl.regioinkoop.istandaarden.ProductChange;
import nl.regioinkoop.istandaarden.RequestedProduct;
import nl.regioinkoop.istandaarden.ReturnCodes;
import nl.regioinkoop.istandaarden.ReturnVerdict;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * JW315/WMO315 (request for allocation) and JW317/WMO317 (request for change) become what an access officer
 * registers through the JSON API for a provider's request: the client (registered from the message if the
 * municipality does not know them yet) and a referral with {@code requestingProviderAgb}, due in 5 working days and
 * answered later by an allocation (301) or a rejection (319). One referral per requested product of a 315, one per
 * 317; the provider's reference is kept for the answer. A message is handled in one transaction, answered with its
 * 316/318, and that answer is kept: the same message again gets it back, another under a used Identificatie 9056.
 */
@Singleton
class RequestIntake {
    /** 0001: the platform cannot take the message as it is (e.g. a BSN failing the elfproef). */
    private static final String TECHNICAL = ReturnCodes.TECHNICAL_REJECTION;
    private static final String OWN_MUNICIPALITY = "01";
    private static final String NO_REFERRER = "06";

    private final ClientRegistration clientRegistration;
    private final ReferralDesk referralDesk;
    private final Referrals referrals;
    private final Allocations allocations;
    private final MessageStore store;
    private final Inbound inbound;
    private final TransactionOperations<Connection> transactions;

    RequestIntake(ClientRegistration clientRegistration, ReferralDesk referralDesk, Referrals referrals,
                  Allocations allocations, MessageStore store, Inbound inbound,
                  TransactionOperations<Connection> transactions) {
        this.clientRegistration = clientRegistration;
        this.referralDesk = referralDesk;
        this.referrals = referrals;
        this.allocations = allocations;
        this.store = store;
        this.inbound = inbound;
        this.transactions = transactions;
    }

    /** The provider acting towards the receiving municipality, with just what registering its request needs. */
    private static Caller actingFor(Caller provider, String municipality) {
        return new Caller(provider.subject(), Set.of(Roles.ACCESS_OFFICER), municipality, provider.providerAgb(), null);
    }

    Inbound.Reply receive(Caller caller, Inbound.Received received, byte[] xml) {
        Header header = received.type().number() == 315
                ? new AllocationRequestMessages(received.schemas()).read(xml).header()
                : new ChangeRequestMessages(received.schemas()).read(xml).header();
        Inbound.requireSender(caller, header);
        String hash = Receipts.hash(xml);
        return transactions.executeWrite(status -> {
            Optional<MessageStore.Receipt> earlier = store.receipt(header.sender(), received.type().name(),
                    header.messageId());
            if (earlier.isPresent()) {
                if (earlier.get().requestHash().equals(hash)) {
                    return Receipts.reply(earlier.get());
                }
                return rejectedAsWhole(received, xml, ReturnCodes.IDENTIFICATION_NOT_UNIQUE);
            }
            Inbound.Reply reply = received.type().number() == 315
                    ? allocationRequest(caller, received, xml) : changeRequest(caller, received, xml);
            store.saveReceipt(header.sender(), received.type().name(), header.messageId(),
                    Receipts.of(hash, reply));
            return reply;
        });
    }

    private Inbound.Reply allocationRequest(Caller caller, Inbound.Received received, byte[] xml) {
        AllocationRequestMessages messages = new AllocationRequestMessages(received.schemas());
        AllocationRequest message = messages.read(xml);
        String refusal = messageRefusal(message.header(), message.client().bsn());
        if (refusal != null) {
            return rejectedAsWhole(received, xml, refusal);
        }
        String municipality = message.header().receiver();
        Client client = clientRegistration.find(municipality, Bsn.of(message.client().bsn()))
                .orElseGet(() -> clientRegistration.register(new RegisterClient(message.client().bsn(),
                        Names.join(message.client().name()), message.client().birthDate(), municipality,
                        message.type() + " " + message.header().messageId())));
        List<List<String>> codes = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (RequestedProduct product : message.products()) {
            if (!references.add(product.providerReference())
                    || store.referenceUsed(caller.providerAgb(), product.providerReference())) {
                codes.add(List.of(ReturnCodes.PROVIDER_REFERENCE_NOT_UNIQUE));
                continue;
            }
            String referrerName = product.referrer().name();
            if (referrerName == null && product.referrer().careProviderCode() == null
                    && !OWN_MUNICIPALITY.equals(product.referrer().type())
                    && !NO_REFERRER.equals(product.referrer().type())) {
                referrerName = "not named in the request";
            }
            Referral referral = referralDesk.register(new RegisterReferral(client.id(), product.referrer().type(),
                    referrerName, product.referrer().careProviderCode(), message.header().messageDate(),
                    question(message, product), false, caller.providerAgb(), inbound.today(),
                    message.type() + " " + message.header().messageId()), actingFor(caller, municipality));
            store.saveRequest(new MessageStore.Request(referral.id(), message.type().name(), caller.providerAgb(),
                    product.providerReference(), message.header().messageId()));
            codes.add(List.of());
        }
        ReturnVerdict verdict = new ReturnVerdict(inbound.newReturnId(), List.of(), List.of(), codes);
        return inbound.reply(received, message.header(), () -> messages.writeReturn(message, verdict), List.of(),
                lines(codes, message.products().stream().map(RequestedProduct::providerReference).toList()));
    }

    private Inbound.Reply changeRequest(Caller caller, Inbound.Received received, byte[] xml) {
        ChangeRequestMessages messages = new ChangeRequestMessages(received.schemas());
        ChangeRequest message = messages.read(xml);
        String refusal = messageRefusal(message.header(), message.bsn());
        String municipality = message.header().receiver();
        Optional<Client> client = refusal != null ? Optional.empty()
                : clientRegistration.find(municipality, Bsn.of(message.bsn()));
        if (refusal == null && client.isEmpty()) {
            refusal = ReturnCodes.NO_MATCHING_ALLOCATION;
        } else if (refusal == null && store.requestPending(client.get().id(), caller.providerAgb())) {
            refusal = ReturnCodes.REQUEST_PENDING;
        } else if (refusal == null && store.referenceUsed(caller.providerAgb(), message.providerReference())) {
            refusal = ReturnCodes.PROVIDER_REFERENCE_NOT_UNIQUE;
        }
        if (refusal != null) {
            return rejectedAsWhole(received, xml, refusal);
        }
        UUID clientId = client.get().id();
        List<List<String>> codes = new ArrayList<>();
        List<String> references = new ArrayList<>();
        Allocation named = null;
        for (Long number : message.unchangedAllocations()) {
            Optional<UUID> id = store.activeAllocation(clientId, caller.providerAgb(), number);
            codes.add(id.isPresent() ? List.of() : List.of(ReturnCodes.UNCHANGED_PRODUCT_UNKNOWN));
            references.add(String.valueOf(number));
            named = named != null ? named : id.flatMap(allocations::findById).orElse(null);
        }
        for (ProductChange change : message.changes()) {
            Optional<UUID> id = store.activeAllocation(clientId, caller.providerAgb(), change.allocationNumber());
            codes.add(id.isPresent() ? List.of() : List.of(ReturnCodes.CHANGED_PRODUCT_UNKNOWN));
            references.add(String.valueOf(change.allocationNumber()));
            named = named != null ? named : id.flatMap(allocations::findById).orElse(null);
        }
        for (NewProduct product : message.newProducts()) {
            codes.add(List.of());
            references.add(product.product().code() != null ? product.product().code() : product.product().category());
        }
        // a request with a refused line is not taken into handling: the 318 says what to correct
        if (codes.stream().allMatch(List::isEmpty)) {
            Referral original = named == null ? null : referrals.findById(named.referralId()).orElse(null);
            String referrerType = original != null ? original.referrerType() : OWN_MUNICIPALITY;
            Referral referral = referralDesk.register(new RegisterReferral(clientId, referrerType,
                    original != null ? original.referrerName() : null, original != null ? original.referrerAgb() : null,
                    message.header().messageDate(), question(message), false, caller.providerAgb(), inbound.today(),
                    message.type() + " " + message.header().messageId()), actingFor(caller, municipality));
            store.saveRequest(new MessageStore.Request(referral.id(), message.type().name(), caller.providerAgb(),
                    message.providerReference(), message.header().messageId()));
        }
        ReturnVerdict verdict = new ReturnVerdict(inbound.newReturnId(), List.of(), List.of(), codes);
        return inbound.reply(received, message.header(), () -> messages.writeReturn(message, verdict), List.of(),
                lines(codes, references));
    }

    /** Whole-message refusals: dated after today (8848), or a BSN the platform cannot take (0001). */
    private String messageRefusal(Header header, String bsn) {
        if (header.messageDate().isAfter(inbound.today())) {
            return ReturnCodes.DATED_IN_FUTURE;
        }
        return Bsn.passesElfproef(bsn) ? null : TECHNICAL;
    }

    private Inbound.Reply rejectedAsWhole(Inbound.Received received, byte[] xml, String code) {
        ReturnVerdict verdict = ReturnVerdict.rejected(inbound.newReturnId(), code);
        if (received.type().number() == 315) {
            AllocationRequestMessages messages = new AllocationRequestMessages(received.schemas());
            AllocationRequest message = messages.read(xml);
            return inbound.reply(received, message.header(), () -> messages.writeReturn(message, verdict),
                    List.of(code), List.of());
        }
        ChangeRequestMessages messages = new ChangeRequestMessages(received.schemas());
        ChangeRequest message = messages.read(xml);
        return inbound.reply(received, message.header(), () -> messages.writeReturn(message, verdict),
                List.of(code), List.of());
    }

    private static List<Inbound.LineCodes> lines(List<List<String>> codes, List<String> references) {
        List<Inbound.LineCodes> lines = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            lines.add(new Inbound.LineCodes(i, references.get(i),
                    codes.get(i).isEmpty() ? List.of(ReturnCodes.NO_REMARK) : codes.get(i)));
        }
        return lines;
    }

    private static String question(AllocationRequest message, RequestedProduct p) {
        StringBuilder q = new StringBuilder("Request for allocation (").append(message.type()).append(' ')
                .append(message.header().messageId()).append(", provider reference ").append(p.providerReference())
                .append("): product ").append(product(p.product().category(), p.product().code()))
                .append(", from ").append(p.allocationStart())
                .append(p.allocationEnd() == null ? "" : " to " + p.allocationEnd())
                .append(extent(p.extent(), p.budgetCents()));
        if (p.decisionNumber() != null) {
            q.append("; decision ").append(p.decisionNumber())
                    .append(p.decisionStart() == null ? "" : " from " + p.decisionStart());
        }
        if (message.comment() != null) {
            q.append("; ").append(message.comment());
        }
        if (p.comment() != null) {
            q.append("; ").append(p.comment());
        }
        return cut(q.toString());
    }

    private static String question(ChangeRequest message) {
        StringBuilder q = new StringBuilder("Request for change (").append(message.type()).append(' ')
                .append(message.header().messageId()).append(", provider reference ")
                .append(message.providerReference()).append(", reason ").append(message.reason())
                .append("1".equals(message.reason()) ? " client's situation changed" : " care plan changed")
                .append(")");
        if (!message.unchangedAllocations().isEmpty()) {
            q.append("; unchanged ").append(message.unchangedAllocations());
        }
        for (ProductChange c : message.changes()) {
            q.append("; change ").append(c.allocationNumber()).append(" from ").append(c.desiredStart())
                    .append(c.endDate() == null ? "" : " to end " + c.endDate())
                    .append(extent(c.extent(), c.budgetCents()));
        }
        for (NewProduct p : message.newProducts()) {
            q.append("; new ").append(product(p.product().category(), p.product().code())).append(" from ")
                    .append(p.desiredStart()).append(p.endDate() == null ? "" : " to " + p.endDate())
                    .append(extent(p.extent(), p.budgetCents()));
        }
        return cut(q.toString());
    }

    private static String product(String category, String code) {
        return (code == null ? "" : code + " ") + "(category " + category + ")";
    }

    private static String extent(Extent extent, Long budgetCents) {
        if (extent != null) {
            return ", " + extent.volume() + " x unit " + extent.unit() + " per frequency " + extent.frequency();
        }
        return budgetCents == null ? "" : ", budget " + budgetCents + " cents";
    }

    private static String cut(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000);
    }
}
