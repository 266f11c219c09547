package nl.regioinkoop.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Micronaut Serialization's decoder, without its coercions: a value is taken only in the JSON type the field
 * has. The decoder underneath turns a number or a boolean into text, a fraction into a whole number (3.5 into 3),
 * text into a number and a one-element array into its element; after each value it read, this one looks at the
 * token the value came from and refuses any but the field's own. Text is checked by {@link StrictText}. It keeps
 * the path to the value ({@code lines[3].volume}) so that every refusal names its field.
 */
final class StrictDecoder implements Decoder {
    private final Decoder decoder;
    private final JsonParser parser;
    /** Per open object its current key, per open array its current index. */
    private final Deque<Frame> path = new ArrayDeque<>();

    private static final class Frame {
        final boolean array;
        String key;
        int index = -1;

        Frame(boolean array) {
            this.array = array;
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T read() throws IOException;
    }

    StrictDecoder(Decoder decoder, JsonParser parser) {
        this.decoder = decoder;
        this.parser = parser;
    }

    /** Where the decoder is: {@code lines[3].volume}; empty at the top. */
    String path() {
        StringBuilder s = new StringBuilder();
        Iterator<Frame> frames = path.descendingIterator();
        while (frames.hasNext()) {
            Frame f = frames.next();
            if (f.array) {
                if (f.index >= 0) {
                    s.append('[').append(f.index).append(']');
                }
            } else if (f.key != null) {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(f.key);
            }
        }
        return s.toString();
    }

    private <T> T read(Read<T> read) throws IOException {
        try {
            return read.read();
        } catch (InputRefused refused) {
            throw refused;
        } catch (IOException e) {
            throw new InputRefused(path(), reason(e.getMessage()));
        }
    }

    /** Jackson's and Serialization's messages, in the caller's words and without the parser's location. */
    static String reason(String message) {
        String m = message == null ? "is not valid" : message;
        int at = m.indexOf(" at [Source");
        if (at >= 0) {
            m = m.substring(0, at);
        }
        m = m.strip();
        if (m.startsWith("Unexpected token")) {
            if (m.endsWith("VALUE_STRING")) {
                return "must be text";
            }
            if (m.endsWith("VALUE_NUMBER_INT")) {
                return "must be a whole number";
            }
            if (m.endsWith("START_OBJECT")) {
                return "must be an object";
            }
            if (m.endsWith("START_ARRAY")) {
                return "must be a list";
            }
            if (m.endsWith("VALUE_TRUE") || m.endsWith("VALUE_FALSE")) {
                return "must be true or false";
            }
        }
        return "is not valid: " + m;
    }

    private <T> T require(T value, String reason, JsonToken... tokens) throws InputRefused {
        if (value == null) {
            return null; // a JSON null: whether that is allowed is the field's own rule
        }
        JsonToken current = parser.currentToken();
        for (JsonToken token : tokens) {
            if (current == token) {
                return value;
            }
        }
        throw new InputRefused(path(), reason + ", not " + describe(current));
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case END_ARRAY, START_ARRAY -> "a list";
            case START_OBJECT, END_OBJECT -> "an object";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private String text(String value) throws InputRefused {
        String value1 = require(value, "must be text", JsonToken.VALUE_STRING);
        if (value1 != null) {
            String problem = StrictText.problem(value1);
            if (problem != null) {
                throw new InputRefused(path(), problem);
            }
        }
        return value1;
    }

    private <T> T whole(T value) throws InputRefused {
        return require(value, "must be a whole number", JsonToken.VALUE_NUMBER_INT);
    }

    private <T> T number(T value) throws InputRefused {
        return require(value, "must be a number", JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
    }

    private <T> T bool(T value) throws InputRefused {
        return require(value, "must be true or false", JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);
    }

    // structure ------------------------------------------------------------------------------------------------

    @Override
    public Decoder decodeArray(Argument<?> type) throws IOException {
        read(() -> decoder.decodeArray(type));
        path.push(new Frame(true));
        return this;
    }

    @Override
    public Decoder decodeArray() throws IOException {
        read(decoder::decodeArray);
        path.push(new Frame(true));
        return this;
    }

    @Override
    public boolean hasNextArrayValue() throws IOException {
        boolean next = read(decoder::hasNextArrayValue);
        if (next && !path.isEmpty() && path.peek().array) {
            path.peek().index++;
        }
        return next;
    }

    @Override
    public Decoder decodeObject(Argument<?> type) throws IOException {
        read(() -> decoder.decodeObject(type));
        path.push(new Frame(false));
        return this;
    }

    @Override
    public Decoder decodeObject() throws IOException {
        read(decoder::decodeObject);
        path.push(new Frame(false));
        return this;
    }

    @Override
    public String decodeKey() throws IOException {
        String key = read(decoder::decodeKey);
        if (key != null) {
            if (!path.isEmpty()) {
                path.peek().key = key;
            }
            String problem = StrictText.problem(key);
            if (problem != null) {
                throw new InputRefused(path(), "has a name that " + problem);
            }
        }
        return key;
    }

    @Override
    public void finishStructure() throws IOException {
        read(() -> {
            decoder.finishStructure();
            return null;
        });
        path.poll();
    }

    @Override
    public void finishStructure(boolean consumeLeftElements) throws IOException {
        read(() -> {
            decoder.finishStructure(consumeLeftElements);
            return null;
        });
        path.poll();
    }

    @Override
    public void skipValue() throws IOException {
        read(() -> {
            decoder.skipValue();
            return null;
        });
    }

    @Override
    public boolean decodeNull() throws IOException {
        return read(decoder::decodeNull);
    }

    // values ---------------------------------------------------------------------------------------------------

    @Override
    public String decodeString() throws IOException {
        return text(read(decoder::decodeString));
    }

    @Override
    public String decodeStringNullable() throws IOException {
        return text(read(decoder::decodeStringNullable));
    }

    @Override
    public boolean decodeBoolean() throws IOException {
        return bool(read(decoder::decodeBoolean));
    }

    @Override
    public Boolean decodeBooleanNullable() throws IOException {
        return bool(read(decoder::decodeBooleanNullable));
    }

    @Override
    public byte decodeByte() throws IOException {
        return whole(read(decoder::decodeByte));
    }

    @Override
    public Byte decodeByteNullable() throws IOException {
        return whole(read(decoder::decodeByteNullable));
    }

    @Override
    public short decodeShort() throws IOException {
        return whole(read(decoder::decodeShort));
    }

    @Override
    public Short decodeShortNullable() throws IOException {
        return whole(read(decoder::decodeShortNullable));
    }

    @Override
    public char decodeChar() throws IOException {
        return require(read(decoder::decodeChar), "must be one character of text", JsonToken.VALUE_STRING);
    }

    @Override
    public Character decodeCharNullable() throws IOException {
        return require(read(decoder::decodeCharNullable), "must be one character of text", JsonToken.VALUE_STRING);
    }

    @Override
    public int decodeInt() throws IOException {
        return whole(read(decoder::decodeInt));
    }

    @Override
    public Integer decodeIntNullable() throws IOException {
        return whole(read(decoder::decodeIntNullable));
    }

    @Override
    public long decodeLong() throws IOException {
        return whole(read(decoder::decodeLong));
    }

    @Override
    public Long decodeLongNullable() throws IOException {
        return whole(read(decoder::decodeLongNullable));
    }

    @Override
    public BigInteger decodeBigInteger() throws IOException {
        return whole(read(decoder::decodeBigInteger));
    }

    @Override
    public BigInteger decodeBigIntegerNullable() throws IOException {
        return whole(read(decoder::decodeBigIntegerNullable));
    }

    @Override
    public float decodeFloat() throws IOException {
        return number(read(decoder::decodeFloat));
    }

    @Override
    public Float decodeFloatNullable() throws IOException {
        return number(read(decoder::decodeFloatNullable));
    }

    @Override
    public double decodeDouble() throws IOException {
        return number(read(decoder::decodeDouble));
    }

    @Override
    public Double decodeDoubleNullable() throws IOException {
        return number(read(decoder::decodeDoubleNullable));
    }

    @Override
    public BigDecimal decodeBigDecimal() throws IOException {
        return number(read(decoder::decodeBigDecimal));
    }

    @Override
    public BigDecimal decodeBigDecimalNullable() throws IOException {
        return number(read(decoder::decodeBigDecimalNullable));
    }

    @Override
    public Number decodeNumber() throws IOException {
        return number(read(decoder::decodeNumber));
    }

    @Override
    public Number decodeNumberNullable() throws IOException {
        return number(read(decoder::decodeNumberNullable));
    }

    @Override
    public byte[] decodeBinary() throws IOException {
        return read(decoder::decodeBinary);
    }

    @Override
    public byte[] decodeBinaryNullable() throws IOException {
        return read(decoder::decodeBinaryNullable);
    }

    /** Free-form values (a {@code Map<String, Object>} or a JSON tree) keep their types; their text is checked. */
    @Override
    public Object decodeArbitrary() throws IOException {
        Object value = read(decoder::decodeArbitrary);
        checkTextIn(value);
        return value;
    }

    @Override
    public JsonNode decodeNode() throws IOException {
        JsonNode node = read(decoder::decodeNode);
        checkTextIn(node);
        return node;
    }

    private void checkTextIn(Object value) throws InputRefused {
        if (value instanceof CharSequence text) {
            String problem = StrictText.problem(text);
            if (problem != null) {
                throw new InputRefused(path(), problem);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                checkTextIn(e.getKey());
                checkTextIn(e.getValue());
            }
        } else if (value instanceof Iterable<?> many && !(value instanceof JsonNode)) {
            for (Object one : many) {
                checkTextIn(one);
            }
        } else if (value instanceof JsonNode node) {
            if (node.isString()) {
                checkTextIn(node.getStringValue());
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.entries()) {
                    checkTextIn(e.getKey());
                    checkTextIn(e.getValue());
                }
            } else if (node.isArray()) {
                for (JsonNode one : node.values()) {
                    checkTextIn(one);
                }
            }
        }
    }

    /** A buffered value (for subtypes and the like) is decoded from its tree; its text is checked. */
    @Override
    public Decoder decodeBuffer() throws IOException {
        Decoder buffer = read(decoder::decodeBuffer);
        return buffer;
    }

    @Override
    public IOException createDeserializationException(String message, Object invalidValue) {
        return new InputRefused(path(), reason(message));
    }
}
