package nl.regioinkoop.access.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.access.audit.AuditLog;
import nl.regioinkoop.istandaarden.MessageType;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.util.Set;
import java.util.UUID;

/**
 * The provider's side of the iStandaarden: its allocations as JW301/WMO301 (the one place the client's BSN leaves
 * access-service, to the allocated provider only, audit-logged), rejected requests as JW319/WMO319, and its requests
 * for allocation and change (315, 317) received and answered with 316/318.
 */
@Controller("/api/v1")
@Tag(name = "iStandaarden messages")
@Secured(Roles.PROVIDER)
@ExecuteOn(TaskExecutors.BLOCKING)
class MessageController {
    private static final Set<MessageType> RECEIVED = Set.of(MessageType.JW315, MessageType.WMO315,
            MessageType.JW317, MessageType.WMO317);

    private final OutgoingMessages outgoing;
    private final RequestIntake intake;
    private final Inbound inbound;
    private final AuditLog audit;

    MessageController(OutgoingMessages outgoing, RequestIntake intake, Inbound inbound, AuditLog audit) {
        this.outgoing = outgoing;
        this.intake = intake;
        this.inbound = inbound;
        this.audit = audit;
    }

    @Get(value = "/allocations/{id}/message", produces = {MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The allocation as JW301 (youth) or WMO301 (Wmo), with the client's BSN: for the allocated "
            + "provider only (audit-logged); anyone else gets 404")
    HttpResponse<byte[]> allocationMessage(@PathVariable UUID id, Authentication authentication,
                                           @Nullable @Header("X-Reason") String reason) {
        Caller caller = provider(authentication);
        byte[] xml = audit.audited(caller, "allocation", id.toString(), "READ_ALLOCATION_MESSAGE", reason,
                () -> outgoing.allocation(id, caller));
        return HttpResponse.ok(xml).contentType(MediaType.APPLICATION_XML_TYPE);
    }

    @Get(value = "/allocation-requests/{id}/message", produces = {MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @Operation(summary = "A rejected request for allocation or change as JW319/WMO319, for the requesting provider only")
    HttpResponse<byte[]> rejectionMessage(@PathVariable UUID id, Authentication authentication,
                                          @Nullable @Header("X-Reason") String reason) {
        Caller caller = provider(authentication);
        byte[] xml = audit.audited(caller, "referral", id.toString(), "READ_REQUEST_ANSWER_MESSAGE", reason,
                () -> outgoing.rejection(id, caller));
        return HttpResponse.ok(xml).contentType(MediaType.APPLICATION_XML_TYPE);
    }

    @Post(value = "/messages", consumes = {MediaType.APPLICATION_XML, MediaType.TEXT_XML},
            produces = {MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Receive a JW315/WMO315 (request for allocation) or JW317/WMO317 (request for change) "
            + "from its sender; answered with JW316/JW318, or the same return codes as JSON where the iWmo return XSD "
            + "is absent")
    HttpResponse<byte[]> receive(@Body byte[] xml, Authentication authentication,
                                 @Nullable @Header("X-Reason") String reason) {
        Caller caller = provider(authentication);
        Inbound.Received received = inbound.accept(xml, RECEIVED,
                "Start and stop of care and declarations (305, 307, 323) go to provider-service.");
        Inbound.Reply reply = audit.audited(caller, "message", null, "RECEIVE_" + received.type(), reason,
                () -> intake.receive(caller, received, xml));
        return HttpResponse.ok(reply.body()).contentType(reply.contentType());
    }

    private static Caller provider(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.providerAgb() == null) {
            throw ProblemException.forbidden();
        }
        return caller;
    }
}
