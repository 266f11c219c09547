package nl.regioinkoop.provider.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import nl.regioinkoop.istandaarden.Header;
import nl.regioinkoop.istandaarden.MessageSchemas;
import nl.regioinkoop.istandaarden.MessageType;
import nl.regioinkoop.istandaarden.ReturnId;
import nl.regioinkoop.istandaarden.SchemaMissingException;
import nl.regioinkoop.istandaarden.UnknownMessageTypeException;
import nl.regioinkoop.istandaarden.Validation;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** What every received message goes through: its type, its schema, its sender; and how its answer is given. */
@Singleton
class Inbound {
    private static final int MAX_VIOLATIONS = 50;
    private static final char[] ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final Istandaarden istandaarden;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Inbound(Istandaarden istandaarden, Clock clock) {
        this.istandaarden = istandaarden;
        this.clock = clock;
    }

    /** A message that passed its schema. */
    record Received(MessageType type, MessageSchemas schemas) {
    }

    /**
     * The answer: the standard's return message, or, when its XSD is absent (WMO306, WMO308, WMO325 in the shared
     * 3.2 copy), the same return codes as JSON.
     */
    record Reply(byte[] xml, ReturnAnswer json) {
    }

    @Serdeable
    record ReturnAnswer(String messageType, String messageId, String returnMessageType, String detail,
                        List<String> messageCodes, List<LineCodes> lines) {
    }

    /** The return codes of one line, in the order of the message; {@code reference} names the line. */
    @Serdeable
    record LineCodes(int index, @Nullable String reference, List<String> codes) {
    }

    /**
     * @throws ProblemException 400 not an iJw/iWmo 3.2 message or invalid against its XSD (with the violations),
     *                          422 a type this service does not receive, 503 schemas absent
     */
    Received accept(byte[] xml, Set<MessageType> supported, String elsewhere) {
        MessageType type;
        try {
            type = MessageSchemas.detect(xml);
        } catch (UnknownMessageTypeException e) {
            throw ProblemException.invalid(e.getMessage());
        }
        if (!supported.contains(type)) {
            throw ProblemException.unprocessable("unsupported-message", "Message type not received here",
                    type + " is not received by this service; it receives " + supported.stream().sorted().toList()
                            + ". " + elsewhere);
        }
        MessageSchemas schemas = istandaarden.schemas();
        Validation validation;
        try {
            validation = schemas.validate(type, xml);
        } catch (SchemaMissingException e) {
            throw Istandaarden.notConfigured("there is no " + type.schemaFile() + " in the schema directory");
        }
        if (!validation.valid()) {
            List<Problem.Violation> violations = validation.violations().stream().limit(MAX_VIOLATIONS)
                    .map(v -> new Problem.Violation("line " + v.line() + ", column " + v.column(), v.message()))
                    .toList();
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-message", "The message breaks its schema",
                    type + " does not validate against " + type.schemaFile() + " (" + validation.violations().size()
                            + " violation(s)); nothing was processed", violations);
        }
        return new Received(type, schemas);
    }

    /** The message's Afzender must be the calling provider. */
    static void requireSender(Caller caller, Header header) {
        caller.requireProvider(header.sender());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A fresh Identificatie: 12 characters, unique per sender and message type in practice (36^12 values). */
    String newMessageId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARACTERS[random.nextInt(ID_CHARACTERS.length)];
        }
        return new String(id);
    }

    ReturnId newReturnId() {
        return new ReturnId(newMessageId(), today());
    }

    /** The return message when its XSD is there, else the return codes as JSON. */
    static Reply reply(Received received, Header original, Supplier<byte[]> xml, List<String> messageCodes,
                       List<LineCodes> lines) {
        MessageType answer = received.type().returnType();
        if (received.schemas().hasSchema(answer)) {
            return new Reply(xml.get(), null);
        }
        return new Reply(null, new ReturnAnswer(received.type().name(), original.messageId(), answer.name(),
                "no " + answer.schemaFile() + " in the schema directory, so " + answer + " cannot be produced: "
                        + "these are the return codes it would carry (COD954; 0200 no remark, 8001 granted)",
                messageCodes, lines));
    }
}
