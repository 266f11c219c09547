package nl.regioinkoop.provider.message;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.istandaarden.MessageType;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.util.Set;

import static nl.regioinkoop.provider.support.ProviderHttp.agbOf;

/** A provider's iStandaarden messages: start and stop of care and declarations, each answered by its return message. */
@Controller("/api/v1/messages")
@Tag(name = "iStandaarden messages")
@Secured(Roles.PROVIDER)
@ExecuteOn(TaskExecutors.BLOCKING)
class MessageController {
    private static final Set<MessageType> RECEIVED = Set.of(MessageType.JW305, MessageType.WMO305,
            MessageType.JW307, MessageType.WMO307, MessageType.JW323, MessageType.WMO323);

    private final Inbound inbound;
    private final CareMessages care;
    private final DeclarationMessageIntake declarations;

    MessageController(Inbound inbound, CareMessages care, DeclarationMessageIntake declarations) {
        this.inbound = inbound;
        this.care = care;
        this.declarations = declarations;
    }

    @Post(consumes = {MediaType.APPLICATION_XML, MediaType.TEXT_XML},
            produces = {MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Receive a JW305/WMO305 (start), JW307/WMO307 (stop) or JW323/WMO323 (declaration); "
            + "answers JW306/JW308/JW325, or the same return codes as JSON where the iWmo return XSD is absent")
    HttpResponse<?> receive(Authentication authentication, @Body byte[] xml) {
        agbOf(authentication);
        Caller caller = Caller.of(authentication);
        Inbound.Received received = inbound.accept(xml, RECEIVED,
                "Requests for allocation and for change (315, 317) go to access-service.");
        Inbound.Reply reply = switch (received.type().number()) {
            case 305 -> care.start(caller, received, xml);
            case 307 -> care.stop(caller, received, xml);
            default -> declarations.declare(caller, received, xml);
        };
        return reply.xml() != null
                ? HttpResponse.ok(reply.xml()).contentType(MediaType.APPLICATION_XML_TYPE)
                : HttpResponse.ok(reply.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
