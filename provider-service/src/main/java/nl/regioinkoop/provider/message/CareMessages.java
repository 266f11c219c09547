package nl.regioinkoop.provider.message;

import jakarta.inject.Singleton;
import nl.regioinkoop.istandaarden.Product;
import nl.regioinkoop.istandaarden.ReturnCodes;
import nl.regioinkoop.istandaarden.ReturnVerdict;
import nl.regioinkoop.istandaarden.StartOfCare;
import nl.regioinkoop.istandaarden.StartOfCareMessages;
import nl.regioinkoop.istandaarden.StartedProduct;
import nl.regioinkoop.istandaarden.StopOfCare;
import nl.regioinkoop.istandaarden.StopOfCareMessages;
import nl.regioinkoop.istandaarden.StoppedProduct;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.provider.allocation.Allocation;
import nl.regioinkoop.provider.allocation.CareReports;
import nl.regioinkoop.provider.allocation.CareRequests;
import nl.regioinkoop.provider.support.Submissions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * JW305/WMO305 (start of care) and JW307/WMO307 (stop of care): each product line becomes the JSON API's start or
 * stop on the allocation its ToewijzingNummer names, in its own transaction, and gets its return code in the
 * 306/308. Each line is an idempotent submission keyed by message id and line, so a resent message is answered the
 * same and changes nothing twice.
 */
@Singleton
class CareMessages {
    /** StatusAanlevering 1: a first report. 2 (change) and 3 (delete) are not supported. */
    private static final String FIRST = "1";

    private final CareReports reports;
    private final Submissions submissions;
    private final NumberedAllocations numbered;
    private final Inbound inbound;

    CareMessages(CareReports reports, Submissions submissions, NumberedAllocations numbered, Inbound inbound) {
        this.reports = reports;
        this.submissions = submissions;
        this.numbered = numbered;
        this.inbound = inbound;
    }

    Inbound.Reply start(Caller caller, Inbound.Received received, byte[] xml) {
        StartOfCareMessages messages = new StartOfCareMessages(received.schemas());
        StartOfCare message = messages.read(xml);
        Inbound.requireSender(caller, message.header());
        if (message.header().messageDate().isAfter(inbound.today())) {
            ReturnVerdict verdict = ReturnVerdict.rejected(inbound.newReturnId(), ReturnCodes.DATED_IN_FUTURE);
            return Inbound.reply(received, message.header(), () -> messages.writeReturn(message, verdict),
                    verdict.messageCodes(), List.of());
        }
        List<List<String>> codes = new ArrayList<>();
        for (int i = 0; i < message.products().size(); i++) {
            StartedProduct line = message.products().get(i);
            String key = message.type() + ":" + message.header().messageId() + ":" + i;
            codes.add(MessageCodes.one(report(caller, message.header().receiver(), received, line.allocationNumber(),
                    line.product(), line.deliveryStatus(), false, key, a -> {
                        CareRequests.StartCare request = new CareRequests.StartCare(line.startDate());
                        return new Report("start:" + a.allocationId(), request,
                                () -> reports.start(caller, a.allocationId(), request));
                    })));
        }
        ReturnVerdict verdict = new ReturnVerdict(inbound.newReturnId(), List.of(), List.of(), codes);
        return Inbound.reply(received, message.header(), () -> messages.writeReturn(message, verdict), List.of(),
                lines(codes, message.products().stream().map(p -> String.valueOf(p.allocationNumber())).toList()));
    }

    Inbound.Reply stop(Caller caller, Inbound.Received received, byte[] xml) {
        StopOfCareMessages messages = new StopOfCareMessages(received.schemas());
        StopOfCare message = messages.read(xml);
        Inbound.requireSender(caller, message.header());
        if (message.header().messageDate().isAfter(inbound.today())) {
            ReturnVerdict verdict = ReturnVerdict.rejected(inbound.newReturnId(), ReturnCodes.DATED_IN_FUTURE);
            return Inbound.reply(received, message.header(), () -> messages.writeReturn(message, verdict),
                    verdict.messageCodes(), List.of());
        }
        List<List<String>> codes = new ArrayList<>();
        for (int i = 0; i < message.products().size(); i++) {
            StoppedProduct line = message.products().get(i);
            String key = message.type() + ":" + message.header().messageId() + ":" + i;
            String reason = MessageCodes.stopReason(message.type().standard(), line.reason());
            codes.add(MessageCodes.one(report(caller, message.header().receiver(), received, line.allocationNumber(),
                    line.product(), line.deliveryStatus(), true, key, a -> {
                        // the stop's key includes the start date: a stop of another start has no current start
                        if (a.careStartedOn() != null && !a.careStartedOn().equals(line.startDate())) {
                            return null;
                        }
                        CareRequests.StopCare request = new CareRequests.StopCare(line.endDate(), reason);
                        return new Report("stop:" + a.allocationId(), request,
                                () -> reports.stop(caller, a.allocationId(), request));
                    })));
        }
        ReturnVerdict verdict = new ReturnVerdict(inbound.newReturnId(), List.of(), List.of(), codes);
        return Inbound.reply(received, message.header(), () -> messages.writeReturn(message, verdict), List.of(),
                lines(codes, message.products().stream().map(p -> String.valueOf(p.allocationNumber())).toList()));
    }

    /** The JSON API's operation on one allocation: its name and request (the idempotency hash) and the work. */
    private record Report(String operation, Object request, Supplier<Object> work) {
    }

    /** One line: its allocation, its product, then the JSON API's use case; the return code of a refusal, or null. */
    private String report(Caller caller, String municipality, Inbound.Received received, Long number, Product product,
                          String deliveryStatus, boolean stop, String key,
                          Function<Allocation, Report> reportOf) {
        NumberedAllocations.Found found = numbered.find(caller.providerAgb(), municipality,
                received.type().standard(), number);
        if (found.allocation() == null) {
            return found.refusal();
        }
        Allocation a = found.allocation();
        String productRefusal = productRefusal(product, a);
        if (productRefusal != null) {
            return productRefusal;
        }
        if (!FIRST.equals(deliveryStatus)) {
            // corrections and deletions of earlier reports are not supported: the first report stands
            return (stop ? a.careStoppedOn() : a.careStartedOn()) == null
                    ? ReturnCodes.NO_CURRENT_START : ReturnCodes.DUPLICATE_KEY;
        }
        Report report = reportOf.apply(a);
        if (report == null) {
            return ReturnCodes.NO_CURRENT_START;
        }
        try {
            submissions.submit(caller.providerAgb(), key, report.operation(), report.request(), report.work());
            return null;
        } catch (ProblemException refused) {
            return MessageCodes.ofReport(refused, stop);
        }
    }

    /** 9339/9340 when the line's product is not the allocated one. */
    static String productRefusal(Product product, Allocation a) {
        if (product == null) {
            return null;
        }
        if (a.productCategory() != null && !a.productCategory().equals(product.category())) {
            return ReturnCodes.CATEGORY_MISMATCH;
        }
        if (product.code() != null && !product.code().equals(a.productCode())) {
            return ReturnCodes.CODE_MISMATCH;
        }
        return null;
    }

    static List<Inbound.LineCodes> lines(List<List<String>> codes, List<String> references) {
        return IntStream.range(0, codes.size()).mapToObj(i -> new Inbound.LineCodes(i, references.get(i),
                codes.get(i).isEmpty() ? List.of(ReturnCodes.NO_REMARK) : codes.get(i))).toList();
    }
}
