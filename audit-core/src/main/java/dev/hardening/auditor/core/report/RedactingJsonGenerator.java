package dev.hardening.auditor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;

/**
 * Redacts at the sink rather than at each call site, so that a field added to a JSON writer later
 * is covered without anyone remembering to. Covers values and field names (map keys such as host
 * names are data too).
 */
final class RedactingJsonGenerator extends JsonGeneratorDelegate {
    private final OutputRedaction redaction;

    RedactingJsonGenerator(JsonGenerator delegate, OutputRedaction redaction) {
        super(delegate, false);
        this.redaction = redaction;
    }

    @Override
    public void writeString(String text) throws IOException {
        super.writeString(redaction.clean(text));
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        super.writeString(redaction.clean(new String(text, offset, len)));
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        super.writeString(redaction.clean(text.getValue()));
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        super.writeFieldName(redaction.clean(name));
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        super.writeFieldName(redaction.clean(name.getValue()));
    }

    @Override
    public void writeStringField(String fieldName, String value) throws IOException {
        writeFieldName(fieldName);
        writeString(value);
    }
}
