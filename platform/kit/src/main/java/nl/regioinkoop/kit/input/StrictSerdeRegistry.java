package nl.regioinkoop.kit.input;

import io.micronaut.context.BeanContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.SerdeIntrospections;
import io.micronaut.serde.config.DeserializationConfiguration;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.SerializationConfiguration;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.support.DefaultSerdeRegistry;

import java.io.IOException;

/**
 * The serde registry of request bodies (its own instance, so the events' decoding is untouched): dates and moments
 * must lie on {@link PlausibleDates}' calendar.
 */
final class StrictSerdeRegistry extends DefaultSerdeRegistry {

    StrictSerdeRegistry(BeanContext beanContext, SerdeIntrospections introspections,
                        ConversionService conversionService, SerdeConfiguration serdeConfiguration,
                        SerializationConfiguration serializationConfiguration,
                        DeserializationConfiguration deserializationConfiguration) {
        super(beanContext, introspections, conversionService, serdeConfiguration, serializationConfiguration,
                deserializationConfiguration);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Deserializer<? extends T> findDeserializer(Argument<? extends T> type) throws SerdeException {
        Deserializer<? extends T> found = super.findDeserializer(type);
        if (PlausibleDates.isTime(type.getType()) && !(found instanceof OnTheCalendar)) {
            return new OnTheCalendar(found);
        }
        return found;
    }

    /** A date or moment deserializer that refuses what lies off the calendar. */
    private record OnTheCalendar<T>(Deserializer<T> deserializer) implements Deserializer<T> {
        @Override
        public Deserializer<T> createSpecific(DecoderContext context, Argument<? super T> type) throws SerdeException {
            Deserializer<T> specific = deserializer.createSpecific(context, type);
            return specific instanceof OnTheCalendar ? specific : new OnTheCalendar<>(specific);
        }

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            return checked(decoder, deserializer.deserialize(decoder, context, type));
        }

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type)
                throws IOException {
            return checked(decoder, deserializer.deserializeNullable(decoder, context, type));
        }

        @Override
        public boolean allowNull() {
            return deserializer.allowNull();
        }

        @Override
        public T getDefaultValue(DecoderContext context, Argument<? super T> type) {
            return deserializer.getDefaultValue(context, type);
        }

        private static <T> T checked(Decoder decoder, T value) throws IOException {
            if (value != null && !PlausibleDates.plausible((Object) value)) {
                throw decoder.createDeserializationException(PlausibleDates.REASON + ", not " + value, value);
            }
            return value;
        }
    }
}
