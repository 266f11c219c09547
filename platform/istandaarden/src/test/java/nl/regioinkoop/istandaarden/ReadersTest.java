package nl.regioinkoop.istandaarden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers take every field the records carry from the standard's examples (compared field by field). */
class ReadersTest {

    private static final MessageSchemas SCHEMAS = Examples.schemas();
    private static final XsdVersion EXAMPLE_XSD = new XsdVersion("1.0.0", "1.0.0");
    private static final Client TOM = new Client("999900006", LocalDate.of(2010, 2, 14), null, "1",
            new Name("Wit", "de", "Tom", "T"));

    @Test
    void readsAStartOfCare() {
        StartOfCare start = new StartOfCareMessages(SCHEMAS).read(Examples.example(MessageType.JW305));

        assertEquals(new StartOfCare(MessageType.JW305,
                new Header("65656055", "0363", "123456789012", LocalDate.of(2026, 4, 15), EXAMPLE_XSD), TOM,
                List.of(new StartedProduct(300201L, new Product("55", "55A11"), LocalDate.of(2026, 4, 1),
                                LocalDate.of(2026, 4, 3), "1"),
                        new StartedProduct(300202L, new Product("55", "55A12"), LocalDate.of(2026, 4, 1),
                                LocalDate.of(2026, 4, 15), "1"))), start);
    }

    @Test
    void readsAStopOfCareWithItsReason() {
        StopOfCare stop = new StopOfCareMessages(SCHEMAS).read(Examples.example(MessageType.JW307));

        assertEquals(new StoppedProduct(300201L, new Product("55", "55A11"), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 3), "31", LocalDate.of(2026, 7, 17), "1"), stop.products().get(0));
        assertEquals(TOM, stop.client());
        assertEquals(2, stop.products().size());
    }

    @Test
    void readsARequestForAllocationWithReferrer() {
        AllocationRequest request = new AllocationRequestMessages(SCHEMAS).read(Examples.example(MessageType.WMO315));

        assertEquals(new Header("42420001", "0384", "123456789012", LocalDate.of(2023, 7, 15), EXAMPLE_XSD),
                request.header());
        assertEquals("Commentaar client", request.comment());
        assertNull(request.custodianKnown());
        RequestedProduct first = request.products().get(0);
        assertEquals("42420001", first.providerReference());
        assertEquals(1234L, first.decisionNumber());
        assertEquals(new Product("01", "ABCDE"), first.product());
        assertEquals(LocalDate.of(2023, 6, 1), first.allocationStart());
        assertEquals(LocalDate.of(2023, 6, 30), first.allocationEnd());
        assertEquals(new Extent(4, "14", "4"), first.extent());
        assertEquals("04", first.referrer().type());
    }

    @Test
    void readsARequestForChange() {
        ChangeRequest change = new ChangeRequestMessages(SCHEMAS).read(Examples.example(MessageType.JW317));

        assertEquals(new ChangeRequest(MessageType.JW317,
                new Header("65656055", "0384", "987654321", LocalDate.of(2026, 1, 2), EXAMPLE_XSD), "999900006",
                "9003", "1", List.of(10071L), List.of(),
                List.of(new NewProduct(new Product("45", "45A03"), LocalDate.of(2026, 11, 1),
                        LocalDate.of(2024, 2, 28), new Extent(4, "04", "4"), null))), change);
    }

    @Test
    void readsADeclarationInEurocentsPerLine() {
        DeclarationMessage declaration = new DeclarationMessages(SCHEMAS).read(Examples.example(MessageType.JW323));

        assertEquals("DN001", declaration.number());
        assertEquals(LocalDate.of(2026, 4, 1), declaration.periodStart());
        assertEquals(LocalDate.of(2026, 4, 30), declaration.periodEnd());
        assertEquals(LocalDate.of(2026, 5, 6), declaration.dated());
        assertEquals(79000, declaration.totalCents());
        assertEquals(List.of("999900006", "999900018"),
                declaration.clients().stream().map(DeclaredClient::bsn).toList());
        assertEquals(5, declaration.lines().size());
        assertEquals(new DeclarationLine("RN002", null, 10073, new Product("45", "45A04"), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30), 16, "04", 1500L, 24000), declaration.lines().get(1));
        assertEquals(declaration.totalCents(), declaration.lines().stream().mapToLong(DeclarationLine::amountCents).sum());
    }

    @Test
    void readsAnAllocationWithContactsAndExtent() {
        AllocationMessage allocation = new AllocationMessages(SCHEMAS).read(Examples.example(MessageType.JW301));

        assertEquals(new Header("0384", "42420001", "123456789012", LocalDate.of(2026, 4, 1), EXAMPLE_XSD),
                allocation.header());
        assertEquals(TOM, allocation.client());
        assertEquals(new Contact("03", new Address(9, "B", "BEL", "9999XX", "Van Woustraat", "Amsterdam", "NL")),
                allocation.contacts().get(0));
        assertEquals(new AllocatedProduct(300201, "40A12341234", new Product("55", "55A11"), LocalDate.of(2026, 4, 1),
                LocalTime.of(12, 34, 56), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 14), null,
                new Extent(2, "04", "2"), null, "Commentaar Toegewezen Product 1"), allocation.products().get(0));
    }

    @Test
    void readsARejectionWithResidencePrinciple() {
        RequestAnswer answer = new RequestAnswerMessages(SCHEMAS).read(Examples.example(MessageType.JW319));

        assertEquals(new RequestAnswer(MessageType.JW319,
                new Header("0384", "65656055", "876543219", LocalDate.of(2026, 4, 1), EXAMPLE_XSD), "9003",
                RequestAnswer.REJECTED, "8", "1916"), answer);
    }
}
