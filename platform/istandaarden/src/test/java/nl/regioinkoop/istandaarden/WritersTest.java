package nl.regioinkoop.istandaarden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the platform writes validates against the schema of its type, and says what it was given. */
class WritersTest {

    private static final MessageSchemas SCHEMAS = Examples.schemas();
    private static final String WEERT = "0988";
    private static final String PROVIDER = "12345678";
    private static final Client CLIENT = Client.of("999900006", LocalDate.of(2012, 5, 1), "2",
            new Name("Jansen", null, "Eva", "E"));
    private static final ReturnId RETURN_ID = new ReturnId("R1", LocalDate.of(2026, 4, 16));

    private static AllocationMessage allocation(MessageType type, String category) {
        return new AllocationMessage(type, new Header(WEERT, PROVIDER, "A2026-0001", LocalDate.of(2026, 3, 30),
                SCHEMAS.xsdVersion(type)), CLIENT,
                List.of(new Contact("01", new Address(12, null, null, "6001AB", "Markt", "Weert", "NL"))),
                List.of(new AllocatedProduct(4711, null, new Product(category, null), LocalDate.of(2026, 3, 30),
                                LocalTime.of(9, 15, 0), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31), null,
                                new Extent(3, "04", "2"), null, null),
                        new AllocatedProduct(4712, "REQ-9", new Product(category, "45A48"), LocalDate.of(2026, 3, 30),
                                LocalTime.NOON, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), "05", null,
                                1_250_000L, "shortened after reassessment")));
    }

    @Test
    void writesAYouthAllocationThatValidatesAndReadsBack() {
        AllocationMessages messages = new AllocationMessages(SCHEMAS);
        AllocationMessage allocation = allocation(MessageType.JW301, "45");

        byte[] xml = messages.write(allocation);

        assertTrue(SCHEMAS.validate(xml).valid());
        assertEquals(allocation, messages.read(xml));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<jw301:Afzender>0988</jw301:Afzender>"), text);
        assertTrue(text.contains("<jw301:Budget>1250000</jw301:Budget>"), text);
        assertTrue(text.contains("<jw301:RedenWijziging>05</jw301:RedenWijziging>"), text);
        assertTrue(text.contains("<jw301:Toewijzingstijd>09:15:00</jw301:Toewijzingstijd>"), text);
    }

    @Test
    void writesAWmoAllocationThatValidatesAndReadsBack() {
        AllocationMessages messages = new AllocationMessages(SCHEMAS);
        AllocationMessage allocation = allocation(MessageType.WMO301, "02");

        assertEquals(allocation, messages.read(messages.write(allocation)));
    }

    @Test
    void fillsTheXsdVersionOfTheSchemaInUse() {
        AllocationMessage allocation = allocation(MessageType.JW301, "45");
        AllocationMessage unversioned = new AllocationMessage(MessageType.JW301,
                Header.outgoing(WEERT, PROVIDER, "A1", LocalDate.of(2026, 3, 30)), CLIENT, allocation.contacts(),
                allocation.products());

        AllocationMessage read = new AllocationMessages(SCHEMAS).read(new AllocationMessages(SCHEMAS).write(unversioned));

        assertEquals(SCHEMAS.xsdVersion(MessageType.JW301), read.header().xsdVersion());
    }

    @Test
    void refusesToWriteAnAllocationThatWouldNotValidate() {
        AllocationMessage allocation = allocation(MessageType.JW301, "45");
        AllocationMessage youthCategoryInWmo = allocation(MessageType.WMO301, "45");
        AllocationMessage withoutContact = new AllocationMessage(MessageType.JW301, allocation.header(), CLIENT,
                List.of(), allocation.products());

        InvalidMessageException wrongCategory = assertThrows(InvalidMessageException.class,
                () -> new AllocationMessages(SCHEMAS).write(youthCategoryInWmo));
        assertThrows(InvalidMessageException.class, () -> new AllocationMessages(SCHEMAS).write(withoutContact));
        assertEquals(MessageType.WMO301, wrongCategory.type());
        assertFalse(wrongCategory.getMessage().contains("999900006"), wrongCategory.getMessage());
    }

    @Test
    void writesARejectionOfARequestInBothStandards() {
        RequestAnswerMessages messages = new RequestAnswerMessages(SCHEMAS);
        for (MessageType type : List.of(MessageType.JW319, MessageType.WMO319)) {
            RequestAnswer answer = RequestAnswer.rejected(type,
                    new Header(WEERT, PROVIDER, "V1", LocalDate.of(2026, 4, 2), SCHEMAS.xsdVersion(type)), "REQ-9", "3");

            assertEquals(answer, messages.read(messages.write(answer)));
        }
        RequestAnswer otherMunicipality = new RequestAnswer(MessageType.JW319,
                Header.outgoing(WEERT, PROVIDER, "V2", LocalDate.of(2026, 4, 2)), "REQ-9", RequestAnswer.REJECTED,
                "8", "1640");
        assertTrue(SCHEMAS.validate(messages.write(otherMunicipality)).valid());
        assertThrows(IllegalArgumentException.class, () -> new RequestAnswer(MessageType.WMO319,
                otherMunicipality.header(), "REQ-9", RequestAnswer.REJECTED, "8", "1640"));
    }

    @Test
    void answersAStartOfCareLineByLine() {
        StartOfCareMessages messages = new StartOfCareMessages(SCHEMAS);
        StartOfCare start = messages.read(Examples.example(MessageType.JW305));

        byte[] xml = messages.writeReturn(start, ReturnVerdict.perLine(RETURN_ID, start.products(),
                product -> product.allocationNumber() == 300202L ? List.of(ReturnCodes.NO_MATCHING_ALLOCATION) : List.of()));

        assertEquals(MessageType.JW306, SCHEMAS.validate(xml).type());
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<jw306:RetourCode>9019</jw306:RetourCode>"), text);
        assertEquals(2, count(text, "<jw306:RetourCode>0200</jw306:RetourCode>"), text);
        assertTrue(text.contains("<jw306:IdentificatieRetour>R1</jw306:IdentificatieRetour>"), text);
        assertTrue(text.contains("<jw306:Afzender>65656055</jw306:Afzender>"), "the original's header is echoed");
    }

    @Test
    void refusesAWholeMessageWithoutEchoingTheClient() {
        StopOfCareMessages messages = new StopOfCareMessages(SCHEMAS);
        StopOfCare stop = messages.read(Examples.example(MessageType.JW307));

        String text = new String(messages.writeReturn(stop, ReturnVerdict.rejected(RETURN_ID, ReturnCodes.DATED_IN_FUTURE)),
                StandardCharsets.UTF_8);

        assertTrue(text.contains("<jw308:RetourCode>8848</jw308:RetourCode>"), text);
        assertFalse(text.contains("Bsn"), text);
    }

    @Test
    void answersAStopOfCareLineByLine() {
        StopOfCareMessages messages = new StopOfCareMessages(SCHEMAS);
        StopOfCare stop = messages.read(Examples.example(MessageType.JW307));

        byte[] xml = messages.writeReturn(stop, ReturnVerdict.perLine(RETURN_ID, stop.products(),
                product -> List.of(ReturnCodes.NO_CURRENT_START)));

        assertEquals(2, count(new String(xml, StandardCharsets.UTF_8), "<jw308:RetourCode>9069</jw308:RetourCode>"));
    }

    @Test
    void answersARequestForAllocationLineByLine() {
        AllocationRequestMessages messages = new AllocationRequestMessages(SCHEMAS);
        AllocationRequest request = requestForAllocation();

        byte[] written = messages.write(request);
        byte[] xml = messages.writeReturn(request, ReturnVerdict.perLine(RETURN_ID, request.products(),
                product -> List.of(ReturnCodes.PROVIDER_REFERENCE_NOT_UNIQUE)));

        assertEquals(request, messages.read(written));
        assertTrue(new String(xml, StandardCharsets.UTF_8).contains("<jw316:RetourCode>9347</jw316:RetourCode>"));
    }

    @Test
    void answersARequestForChangeLineByLine() {
        ChangeRequestMessages messages = new ChangeRequestMessages(SCHEMAS);
        ChangeRequest change = new ChangeRequest(MessageType.JW317,
                Header.outgoing(PROVIDER, WEERT, "W1", LocalDate.of(2026, 4, 2)), "999900006", "REQ-10", "2",
                List.of(4711L), List.of(new ProductChange(4712, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 30),
                        new Extent(5, "04", "2"), null)),
                List.of(new NewProduct(new Product("45", "45A48"), LocalDate.of(2026, 5, 1), null, null, 300_000L)));

        byte[] xml = messages.writeReturn(messages.read(messages.write(change)), new ReturnVerdict(RETURN_ID, List.of(),
                List.of(), List.of(List.of(), List.of(ReturnCodes.CHANGED_PRODUCT_UNKNOWN), List.of())));

        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<jw318:RetourCode>9351</jw318:RetourCode>"), text);
        assertEquals(4, count(text, "<jw318:RetourCode>0200</jw318:RetourCode>"), "client, request, two lines");
        assertThrows(IllegalArgumentException.class, () -> messages.writeReturn(change,
                ReturnVerdict.perLine(RETURN_ID, List.of(1), line -> List.of())));
    }

    @Test
    void answersADeclarationPerLineWithTheGrantedTotal() {
        DeclarationMessages messages = new DeclarationMessages(SCHEMAS);
        DeclarationMessage declaration = messages.read(Examples.example(MessageType.JW323));
        Header header = Header.outgoing("0384", "65656055", "D-ANSWER-1", LocalDate.of(2026, 5, 8));

        DeclarationAnswer answer = DeclarationAnswer.perLine(header, declaration,
                line -> line.reference().equals("RN002") ? List.of(ReturnCodes.TARIFF_NOT_CONTRACTED) : List.of());
        byte[] xml = messages.writeAnswer(answer);

        assertEquals(79000 - 24000, answer.grantedCents());
        assertEquals(MessageType.JW325, SCHEMAS.validate(xml).type());
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<ijw:TotaalBedrag>55000</ijw:TotaalBedrag>"), text);
        assertEquals(4, count(text, "<jw325:RetourCode>8001</jw325:RetourCode>"), text);
        assertEquals(1, count(text, "<jw325:RetourCode>0611</jw325:RetourCode>"), text);
        assertTrue(text.contains("<ijw:Identificatie>765432198</ijw:Identificatie>"), "the declaration's identification");
    }

    @Test
    void refusesAWholeDeclaration() {
        DeclarationMessages messages = new DeclarationMessages(SCHEMAS);
        DeclarationMessage declaration = messages.read(Examples.example(MessageType.JW323));

        DeclarationAnswer answer = DeclarationAnswer.rejected(
                Header.outgoing("0384", "65656055", "D-ANSWER-2", LocalDate.of(2026, 5, 8)), declaration,
                ReturnCodes.DECLARATION_NUMBER_NOT_UNIQUE);
        String text = new String(messages.writeAnswer(answer), StandardCharsets.UTF_8);

        assertEquals(0, answer.grantedCents());
        assertTrue(text.contains("<jw325:RetourCode>9333</jw325:RetourCode>"), text);
        assertFalse(text.contains("Clienten"), text);
    }

    @Test
    void writesCreditLinesAsCredit() {
        DeclarationMessages messages = new DeclarationMessages(SCHEMAS);
        DeclarationMessage declaration = new DeclarationMessage(MessageType.WMO323,
                new Header(PROVIDER, WEERT, "DECL7", LocalDate.of(2026, 5, 2), SCHEMAS.xsdVersion(MessageType.WMO323)),
                "DECL7",
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 2), -2500,
                List.of(new DeclaredClient("999900006", List.of(new DeclarationLine("L1", "L0", 4711,
                        new Product("02", "02A01"), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), 1, "04",
                        2500L, -2500)))));

        DeclarationMessage read = messages.read(messages.write(declaration));

        assertEquals(declaration, read);
        assertTrue(read.lines().get(0).credit());
    }

    @Test
    void iwmoReturnMessagesCannotBeWrittenWithoutTheirSchemas() {
        StartOfCare start = new StartOfCareMessages(SCHEMAS).read(Examples.example(MessageType.WMO305));
        DeclarationMessage declaration = new DeclarationMessages(SCHEMAS).read(Examples.example(MessageType.WMO323));

        SchemaMissingException missing = assertThrows(SchemaMissingException.class, () -> new StartOfCareMessages(SCHEMAS)
                .writeReturn(start, ReturnVerdict.perLine(RETURN_ID, start.products(), line -> List.of())));
        assertEquals(MessageType.WMO306, missing.type());
        assertThrows(SchemaMissingException.class, () -> new DeclarationMessages(SCHEMAS).writeAnswer(
                DeclarationAnswer.perLine(Header.outgoing(WEERT, PROVIDER, "X", LocalDate.of(2026, 5, 8)), declaration,
                        line -> List.of())));
    }

    private static AllocationRequest requestForAllocation() {
        return new AllocationRequest(MessageType.JW315,
                new Header(PROVIDER, WEERT, "V315", LocalDate.of(2026, 4, 2), SCHEMAS.xsdVersion(MessageType.JW315)),
                CLIENT, "1", null, List.of(new RequestedProduct("REQ-11", null, new Product("45", "45A48"), null,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 10, 31), new Extent(2, "04", "2"), null,
                new Referrer("02", "huisarts Weert", "01234567"), null, null)));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
