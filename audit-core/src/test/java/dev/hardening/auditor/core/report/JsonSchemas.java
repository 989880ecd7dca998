package dev.hardening.auditor.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** The two schemas the tests validate against, loaded from the class path (never from the network). */
public final class JsonSchemas {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Our contract: audit-core/src/main/resources/schema/report.schema.json. */
    public static final JsonSchema REPORT = load("/schema/report.schema.json", SpecVersion.VersionFlag.V202012);
    /** The official OASIS SARIF 2.1.0 schema (see src/test/resources/schema/SOURCES.md). */
    public static final JsonSchema SARIF = load("/schema/sarif-2.1.0.json", SpecVersion.VersionFlag.V7);

    private JsonSchemas() {
    }

    public static List<String> errors(JsonSchema schema, String json) {
        try {
            return errors(schema, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> errors(JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> messages = schema.validate(json);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(String resource, SpecVersion.VersionFlag version) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(version).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
