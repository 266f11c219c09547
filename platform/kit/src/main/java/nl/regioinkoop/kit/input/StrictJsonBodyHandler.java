package nl.regioinkoop.kit.input;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ByteBufferFactory;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.ChunkedMessageBodyReader;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.MessageBodyHandler;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.body.ResponseBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.netty.body.NettyJsonHandler;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.CustomizableJsonHandler;
import io.micronaut.json.body.JsonMessageHandler;
import io.micronaut.serde.SerdeIntrospections;
import io.micronaut.serde.config.DeserializationConfiguration;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.SerializationConfiguration;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The HTTP JSON body handler of every service (in place of Micronaut's {@code NettyJsonHandler}, which it wraps):
 * request bodies are read by a {@link StrictJsonMapper}; responses are written as before. Only HTTP input is
 * strict: events on Kafka are read by the application's own mapper, tolerant as ARCHITECTURE.md wants readers.
 */
@Singleton
@Order(-10)
@Replaces(NettyJsonHandler.class)
@JsonMessageHandler.ProducesJson
@JsonMessageHandler.ConsumesJson
final class StrictJsonBodyHandler<T> implements MessageBodyHandler<T>, ChunkedMessageBodyReader<T>,
        CustomizableJsonHandler, ResponseBodyWriter<T> {
    private final NettyJsonHandler<T> handler;

    StrictJsonBodyHandler(JsonMapper application, BeanContext beanContext, SerdeIntrospections introspections,
                          ConversionService conversionService, SerdeConfiguration serdeConfiguration,
                          SerializationConfiguration serializationConfiguration,
                          DeserializationConfiguration deserializationConfiguration,
                          SerdeJacksonConfiguration jacksonConfiguration) {
        StrictSerdeRegistry registry = new StrictSerdeRegistry(beanContext, introspections, conversionService,
                serdeConfiguration, serializationConfiguration, deserializationConfiguration);
        this.handler = new NettyJsonHandler<>(new StrictJsonMapper(application, registry, serdeConfiguration,
                jacksonConfiguration, null));
    }

    @Override
    public CustomizableJsonHandler customize(io.micronaut.json.JsonFeatures features) {
        return handler.customize(features);
    }

    @Override
    public Publisher<T> readChunked(Argument<T> type, MediaType mediaType, Headers headers,
                                    Publisher<ByteBuffer<?>> input) {
        return handler.readChunked(type, mediaType, headers, input);
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return handler.isReadable(type, mediaType);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) throws CodecException {
        return handler.read(type, mediaType, headers, body);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        return handler.read(type, mediaType, headers, body);
    }

    @Override
    public boolean isWriteable(Argument<T> type, MediaType mediaType) {
        return handler.isWriteable(type, mediaType);
    }

    @Override
    public void writeTo(Argument<T> type, MediaType mediaType, T value, MutableHeaders headers, OutputStream out)
            throws CodecException {
        handler.writeTo(type, mediaType, value, headers, out);
    }

    @Override
    public ByteBuffer<?> writeTo(Argument<T> type, MediaType mediaType, T value, MutableHeaders headers,
                                 ByteBufferFactory<?, ?> factory) throws CodecException {
        return handler.writeTo(type, mediaType, value, headers, factory);
    }

    @Override
    public ByteBodyHttpResponse<?> write(ByteBodyFactory factory, HttpRequest<?> request,
                                         MutableHttpResponse<T> response, Argument<T> type, MediaType mediaType,
                                         T value) throws CodecException {
        return handler.write(factory, request, response, type, mediaType, value);
    }

    @Override
    public CloseableByteBody writePiece(ByteBodyFactory factory, HttpRequest<?> request, HttpResponse<?> response,
                                        Argument<T> type, MediaType mediaType, T value) {
        return handler.writePiece(factory, request, response, type, mediaType, value);
    }

    @Override
    public MessageBodyWriter<T> createSpecific(Argument<T> type) {
        return handler.createSpecific(type);
    }

    @Override
    public boolean isBlocking() {
        return handler.isBlocking();
    }
}
