package nl.regioinkoop.istandaarden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every example message of the standard that validates is read, written again (the writer validates its output)
 * and read back to the same record: nothing the records carry is lost in either direction.
 */
class RoundTripTest {

    private static final MessageSchemas SCHEMAS = Examples.schemas();

    /** A family's reader and writer over the same record type. */
    private record Codec<T>(Function<byte[], T> read, Function<T, byte[]> write) {
        Object roundTrip(byte[] xml) {
            T record = read.apply(xml);
            byte[] written = write.apply(record);
            assertEquals(record, read.apply(written));
            return record;
        }
    }

    private static Codec<?> codec(MessageType type) {
        return switch (type.number()) {
            case 301 -> new Codec<>(new AllocationMessages(SCHEMAS)::read, new AllocationMessages(SCHEMAS)::write);
            case 305 -> new Codec<>(new StartOfCareMessages(SCHEMAS)::read, new StartOfCareMessages(SCHEMAS)::write);
            case 307 -> new Codec<>(new StopOfCareMessages(SCHEMAS)::read, new StopOfCareMessages(SCHEMAS)::write);
            case 315 -> new Codec<>(new AllocationRequestMessages(SCHEMAS)::read,
                    new AllocationRequestMessages(SCHEMAS)::write);
            case 317 -> new Codec<>(new ChangeRequestMessages(SCHEMAS)::read, new ChangeRequestMessages(SCHEMAS)::write);
            case 319 -> new Codec<>(new RequestAnswerMessages(SCHEMAS)::read, new RequestAnswerMessages(SCHEMAS)::write);
            case 323 -> new Codec<>(new DeclarationMessages(SCHEMAS)::read, new DeclarationMessages(SCHEMAS)::write);
            default -> null;
        };
    }

    static Stream<Arguments> readableExamples() {
        return MessageSchemasTest.validExamples()
                .filter(type -> codec(type) != null)
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("readableExamples")
    void readsEveryValidExampleAndWritesItBackUnchanged(MessageType type) throws Exception {
        Object record = codec(type).roundTrip(Examples.example(type));

        assertEquals(type, ((java.lang.reflect.RecordComponent[]) record.getClass().getRecordComponents())[0]
                .getAccessor().invoke(record));
        assertFalse(record.toString().contains("99990"), "a record never prints a BSN: " + record);
    }

    @Test
    void everyReadableFamilyOfBothStandardsTakesPart() {
        // 301, 305, 307, 317, 319, 323 in iJw and iWmo; the 315s are tested below (JW315's example has an impossible date)
        assertEquals(12, readableExamples().count());
    }

    @Test
    void theIwmoRequestIsReadAndWrittenAgainstItsOwnSchema() {
        AllocationRequestMessages messages = new AllocationRequestMessages(SCHEMAS);

        AllocationRequest request = messages.read(Examples.example(MessageType.WMO315));

        assertEquals(MessageType.WMO315, request.type());
        assertEquals("42420001", request.header().sender());
        assertEquals("01", request.products().get(0).product().category());
        // shared/ holds WMO315.xsd since its heading line was cut off: the writer validates against it
        assertEquals(request, messages.read(messages.write(request)));
    }

    @Test
    void theExampleWithAnImpossibleDateIsRefusedByTheReaderToo() {
        InvalidMessageException invalid = assertThrows(InvalidMessageException.class,
                () -> new AllocationRequestMessages(SCHEMAS).read(Examples.example(MessageType.JW315)));

        assertTrue(invalid.getMessage().contains("ToewijzingEinddatum"), invalid.getMessage());
    }

    @Test
    void aReaderRefusesAnotherMessageType() {
        assertThrows(UnknownMessageTypeException.class,
                () -> new StartOfCareMessages(SCHEMAS).read(Examples.example(MessageType.JW307)));
    }
}
