package nl.regioinkoop.provider.message;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.regioinkoop.istandaarden.DeclarationAnswer;
import nl.regioinkoop.istandaarden.DeclarationLine;
import nl.regioinkoop.istandaarden.DeclarationMessage;
import nl.regioinkoop.istandaarden.DeclarationMessages;
import nl.regioinkoop.istandaarden.Header;
import nl.regioinkoop.istandaarden.ReturnCodes;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.provider.allocation.Allocation;
import nl.regioinkoop.provider.declaration.DeclarationIntake;
import nl.regioinkoop.provider.declaration.DeclarationRequests;
import nl.regioinkoop.provider.support.Submissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * JW323/WMO323 (declaration): the lines become one bulk declaration of the JSON API, in one transaction, answered
 * per line in the JW325 (granted 8001, or the return code of the platform's reason). The DeclaratieNummer is the
 * idempotency key: the same declaration again gets the same answer and is counted once; another declaration under
 * a used number is refused as a whole with 9333.
 */
@Singleton
class DeclarationMessageIntake {
    private static final Set<String> UNITS = Set.of("01", "04", "14", "16", "82", "83", "84");

    private final DeclarationIntake intake;
    private final Submissions submissions;
    private final NumberedAllocations numbered;
    private final Inbound inbound;
    private final JsonMapper json;

    DeclarationMessageIntake(DeclarationIntake intake, Submissions submissions, NumberedAllocations numbered,
                             Inbound inbound, JsonMapper json) {
        this.intake = intake;
        this.submissions = submissions;
        this.numbered = numbered;
        this.inbound = inbound;
        this.json = json;
    }

    Inbound.Reply declare(Caller caller, Inbound.Received received, byte[] xml) {
        DeclarationMessages messages = new DeclarationMessages(received.schemas());
        DeclarationMessage message = messages.read(xml);
        Inbound.requireSender(caller, message.header());
        String agb = caller.providerAgb();
        String municipality = message.header().receiver();
        Header answerHeader = Header.outgoing(municipality, agb, inbound.newMessageId(), inbound.today());
        if (message.header().messageDate().isAfter(inbound.today())) {
            return rejected(received, messages, answerHeader, message, ReturnCodes.DATED_IN_FUTURE);
        }

        List<DeclarationLine> lines = message.lines();
        List<List<String>> codes = new ArrayList<>(Collections.nCopies(lines.size(), null));
        List<Allocation> allocations = new ArrayList<>(Collections.nCopies(lines.size(), null));
        List<DeclarationRequests.Line> declared = new ArrayList<>();
        List<Integer> declaredIndex = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            DeclarationLine line = lines.get(i);
            String refusal = null;
            NumberedAllocations.Found found = null;
            if (line.credit()) {
                refusal = MessageCodes.CREDIT_NOT_SUPPORTED;
            } else if (line.periodStart().isBefore(message.periodStart())
                    || line.periodEnd().isAfter(message.periodEnd())) {
                refusal = MessageCodes.OUTSIDE_DECLARATION_PERIOD;
            } else {
                found = numbered.find(agb, municipality, received.type().standard(), line.allocationNumber());
                if (found.allocation() == null) {
                    refusal = MessageCodes.NUMBER_NOT_UNIQUE.equals(found.refusal()) ? found.refusal()
                            : ReturnCodes.LINE_WITHOUT_ALLOCATION;
                } else if (!UNITS.contains(line.unit())) {
                    refusal = ReturnCodes.UNIT_MISMATCH;
                } else if (line.tariffCents() == null) {
                    refusal = ReturnCodes.TARIFF_NOT_CONTRACTED;
                } else if (line.volume() <= 0) {
                    // the JSON API declares positive volumes only
                    refusal = ReturnCodes.TECHNICAL_REJECTION;
                }
            }
            if (refusal != null) {
                codes.set(i, List.of(refusal));
                continue;
            }
            Allocation a = found.allocation();
            allocations.set(i, a);
            declaredIndex.add(i);
            declared.add(new DeclarationRequests.Line(line.reference(), a.allocationId(), line.periodStart(),
                    line.periodEnd(), line.product().code(), line.product().category(), line.volume(), line.unit(),
                    line.tariffCents(), line.amountCents()));
        }

        if (!declared.isEmpty()) {
            DeclarationRequests.BatchAnswer answer;
            try {
                answer = parse(submissions.submit(agb, message.type() + ":" + message.number(),
                        "declaration-message", declared, () -> intake.declare(agb, declared)).json());
            } catch (ProblemException refused) {
                if (refused.type().equals(Problem.TYPE_BASE + "idempotency-key-reused")) {
                    return rejected(received, messages, answerHeader, message,
                            ReturnCodes.DECLARATION_NUMBER_NOT_UNIQUE);
                }
                throw refused;
            }
            for (int j = 0; j < declared.size(); j++) {
                int i = declaredIndex.get(j);
                DeclarationRequests.LineAnswer line = answer.lines().get(j);
                codes.set(i, DeclarationIntake.ACCEPTED.equals(line.status()) ? List.of()
                        : List.of(MessageCodes.ofDeclaration(line.reasonCode(), allocations.get(i),
                        lines.get(i).periodStart(), lines.get(i).product().category())));
            }
        }
        DeclarationAnswer answer = new DeclarationAnswer(answerHeader, message, List.of(), codes);
        return Inbound.reply(received, message.header(), () -> messages.writeAnswer(answer), List.of(),
                java.util.stream.IntStream.range(0, lines.size()).mapToObj(i -> new Inbound.LineCodes(i,
                        lines.get(i).reference(), answer.lineCodes().get(i))).toList());
    }

    private static Inbound.Reply rejected(Inbound.Received received, DeclarationMessages messages, Header header,
                                          DeclarationMessage message, String code) {
        DeclarationAnswer answer = DeclarationAnswer.rejected(header, message, code);
        return Inbound.reply(received, message.header(), () -> messages.writeAnswer(answer), List.of(code), List.of());
    }

    private DeclarationRequests.BatchAnswer parse(String stored) {
        try {
            return json.readValue(stored.getBytes(StandardCharsets.UTF_8), DeclarationRequests.BatchAnswer.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
