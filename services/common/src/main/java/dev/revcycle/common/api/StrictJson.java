package dev.revcycle.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * How every service reads JSON: a value has the JSON type its field declares, or the request is a 400
 * naming the field. Jackson's defaults are lenient in ways that corrupt data silently: a number becomes a
 * date (days since 1970: {@code 19840309} is the year 56290), {@code 365.7} becomes 365, {@code "365"} a
 * number, {@code true} a string, and a key given twice keeps the last value. Here:
 * <ul>
 *   <li>a {@code java.time} value is only an ISO-8601 string (never a number or an array);</li>
 *   <li>an integer field takes only a JSON integer (no fraction, no string, no boolean);</li>
 *   <li>a decimal field ({@code BigDecimal} money) takes a JSON number, never a string;</li>
 *   <li>a string field takes only a JSON string; a boolean field only {@code true}/{@code false};</li>
 *   <li>an enum only its name as a string; {@code ""} is never a null of another type;</li>
 *   <li>a key twice in one object is refused.</li>
 * </ul>
 * The REST layer gets this through {@link StrictJsonCustomizer}; the event codec applies it to its own
 * mapper. Unknown fields are a separate choice of each mapper (refused by the API, tolerated in events).
 */
public final class StrictJson {
    private StrictJson() {
    }

    public static <M extends ObjectMapper> M configure(M mapper) {
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // Spelled out per target rather than with MapperFeature.ALLOW_COERCION_OF_SCALARS, so that each
        // refusal is visible here; integer → decimal stays allowed (12 is a valid amount).
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.POJO, CoercionInputShape.EmptyString);
        // The java.time deserializers read numbers (epoch days, epoch seconds) and arrays ([1984,3,9])
        // without asking the coercion settings above, so they only ever see a string from here on.
        mapper.registerModule(new SimpleModule("revcycle-strict-json").setDeserializerModifier(new IsoTextOnly()));
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Wraps the deserializer of every {@code java.time} type. */
    private static final class IsoTextOnly extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type.getPackageName().equals("java.time") && !(deserializer instanceof StringOnly)) {
                return new StringOnly(deserializer);
            }
            return deserializer;
        }
    }

    private static final class StringOnly extends DelegatingDeserializer {
        StringOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new StringOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                // a MismatchedInputException for the field's type: the problem mapper names the field
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
