package io.quarkiverse.schematic.runtime.client;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import io.quarkiverse.schematic.rules.WireTime;

/**
 * Reads the timestamps of Schematic's answers ({@code created_at}, {@code updated_at}) with {@link WireTime}'s parser
 * of the form Schematic sends, instead of {@code java.time}'s general-purpose one behind Jackson's
 * {@code OffsetDateTime} support, which allocated about 1.6 KB and took microseconds per timestamp (two per
 * {@code upsertCompany} answer, issue #10). The value is the same as Jackson's default: the instant at offset UTC. Text
 * that is not a timestamp fails the read as before (a Jackson exception, hence "a response that could not be read").
 */
public class WireTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    public WireTimeDeserializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getText();
        try {
            OffsetDateTime time = WireTime.parse(parser.currentName(), text);
            return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
        } catch (IllegalArgumentException notATimestamp) {
            return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                    notATimestamp.getMessage());
        }
    }
}
