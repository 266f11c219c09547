package nl.regioinkoop.kit.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.jackson.core.parser.JacksonCoreParserFactory;
import io.micronaut.json.JsonFeatures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonStreamConfig;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.jackson.JacksonDecoder;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import org.reactivestreams.Processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JSON mapper request bodies are read with: the application's mapper for everything it writes, and for
 * reading Micronaut Serialization's own decoding under a {@link StrictDecoder}, on {@link StrictSerdeRegistry}, and
 * refusing anything after the end of the body (Jackson's FAIL_ON_TRAILING_TOKENS, which serde does not have).
 */
final class StrictJsonMapper implements JsonMapper {
    private final JsonMapper application;
    private final SerdeRegistry registry;
    private final SerdeConfiguration serdeConfiguration;
    private final SerdeJacksonConfiguration jacksonConfiguration;
    private final JsonFactory factory;
    private final Class<?> view;

    StrictJsonMapper(JsonMapper application, SerdeRegistry registry, SerdeConfiguration serdeConfiguration,
                     SerdeJacksonConfiguration jacksonConfiguration, Class<?> view) {
        this.application = application;
        this.registry = registry;
        this.serdeConfiguration = serdeConfiguration;
        this.jacksonConfiguration = jacksonConfiguration;
        this.view = view;
        var builder = JsonFactory.builder();
        jacksonConfiguration.getFactoryFeatures().forEach(builder::configure);
        jacksonConfiguration.getReadFeatures().forEach(builder::configure);
        this.factory = builder.build();
    }

    private <T> T read(JsonParser parser, Argument<T> type) throws IOException {
        try (parser) {
            jacksonConfiguration.getParserFeatures().forEach(parser::configure);
            Deserializer.DecoderContext context = registry.newDecoderContext(view);
            Deserializer<? extends T> deserializer = context.findDeserializer(type).createSpecific(context, type);
            StrictDecoder decoder;
            try {
                decoder = new StrictDecoder(JacksonDecoder.create(parser,
                        LimitingStream.limitsFromConfiguration(serdeConfiguration)), parser);
            } catch (JsonProcessingException e) {
                throw new InputRefused("", StrictDecoder.reason(e.getOriginalMessage()));
            }
            T value = deserializer.deserializeNullable(decoder, context, type);
            JsonToken after;
            try {
                after = parser.nextToken();
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE;
            }
            if (after != null) {
                throw new InputRefused("", "must end after its JSON value; there is more after it");
            }
            return value;
        }
    }

    @Override
    public <T> T readValue(InputStream in, Argument<T> type) throws IOException {
        return read(factory.createParser(in), type);
    }

    @Override
    public <T> T readValue(byte[] bytes, Argument<T> type) throws IOException {
        return read(factory.createParser(bytes), type);
    }

    @Override
    public <T> T readValue(ByteBuffer<?> buffer, Argument<T> type) throws IOException {
        return read(JacksonCoreParserFactory.createJsonParser(factory, buffer), type);
    }

    /** A tree (a streamed body's pieces) is read as the bytes it stands for, with the same checks. */
    @Override
    public <T> T readValueFromTree(JsonNode tree, Argument<T> type) throws IOException {
        return readValue(application.writeValueAsBytes(tree), type);
    }

    @Override
    public JsonMapper createSpecific(Argument<?> type) {
        return this;
    }

    @Override
    public JsonMapper cloneWithViewClass(Class<?> viewClass) {
        return new StrictJsonMapper(application.cloneWithViewClass(viewClass), registry, serdeConfiguration,
                jacksonConfiguration, viewClass);
    }

    @Override
    public JsonMapper cloneWithFeatures(JsonFeatures features) {
        return new StrictJsonMapper(application.cloneWithFeatures(features), registry, serdeConfiguration,
                jacksonConfiguration, view);
    }

    @Override
    public Optional<JsonFeatures> detectFeatures(io.micronaut.core.annotation.AnnotationMetadata metadata) {
        return application.detectFeatures(metadata);
    }

    @Override
    public Processor<byte[], JsonNode> createReactiveParser(Consumer<Processor<byte[], JsonNode>> onSubscribe,
                                                            boolean streamArray) {
        return application.createReactiveParser(onSubscribe, streamArray);
    }

    @Override
    public void updateValueFromTree(Object value, JsonNode tree) throws IOException {
        application.updateValueFromTree(value, tree);
    }

    @Override
    public JsonNode writeValueToTree(Object value) throws IOException {
        return application.writeValueToTree(value);
    }

    @Override
    public <T> JsonNode writeValueToTree(Argument<T> type, T value) throws IOException {
        return application.writeValueToTree(type, value);
    }

    @Override
    public void writeValue(OutputStream out, Object value) throws IOException {
        application.writeValue(out, value);
    }

    @Override
    public <T> void writeValue(OutputStream out, Argument<T> type, T value) throws IOException {
        application.writeValue(out, type, value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return application.writeValueAsBytes(value);
    }

    @Override
    public <T> byte[] writeValueAsBytes(Argument<T> type, T value) throws IOException {
        return application.writeValueAsBytes(type, value);
    }

    @Override
    public JsonStreamConfig getStreamConfig() {
        return application.getStreamConfig();
    }
}
