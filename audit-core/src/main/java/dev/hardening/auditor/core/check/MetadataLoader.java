package dev.hardening.auditor.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Incident;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a check's {@code metadata.yaml}, which sits in the check's own package.
 * Every problem is collected, so one run of the registry lists them all.
 */
final class MetadataLoader {
    static final String FILE_NAME = "metadata.yaml";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MetadataLoader() {
    }

    /** Loads the metadata of {@code checkClass}, adding every problem found to {@code problems}. */
    static CheckMetadata load(Class<?> checkClass, List<String> problems) {
        String where = checkClass.getName() + " (" + FILE_NAME + ")";
        JsonNode root;
        try (InputStream in = checkClass.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                problems.add(checkClass.getName() + " has no " + FILE_NAME + " in its package");
                return null;
            }
            root = YAML.readTree(in);
        } catch (IOException e) {
            problems.add(where + " is not valid YAML: " + e.getMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(where + " is empty or not a mapping");
            return null;
        }
        int before = problems.size();
        String id = text(root, "id", where, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(where + ": id '" + id + "' is not of the form platform.name");
        }
        String title = text(root, "title", where, problems);
        Stage stage = parse(root, "stage", where, problems, Stage::parse);
        Severity severity = parse(root, "severity", where, problems, Severity::parse);
        String summary = text(root, "summary", where, problems);
        String why = text(root, "why", where, problems);

        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        JsonNode platformNodes = root.path("platforms");
        if (!platformNodes.isArray() || platformNodes.isEmpty()) {
            problems.add(where + ": platforms must be a non-empty list");
        } else {
            for (JsonNode p : platformNodes) {
                try {
                    platforms.add(Platform.parse(p.asText()));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
        }

        List<Incident> incidents = new ArrayList<>();
        for (JsonNode n : root.path("incidents")) {
            String name = n.path("name").asText("");
            if (name.isBlank()) {
                problems.add(where + ": every incident needs a name");
            }
            String url = n.path("url").asText("");
            checkUrl(url, where + " incident '" + name + "'", problems, true);
            incidents.add(new Incident(name, n.path("summary").asText(""), url));
        }

        List<RemediationStep> remediation = new ArrayList<>();
        for (JsonNode n : root.path("remediation")) {
            String text = n.isTextual() ? n.asText() : n.path("text").asText("");
            if (text.isBlank()) {
                problems.add(where + ": a remediation step has no text");
            }
            String url = n.path("url").asText("");
            checkUrl(url, where + " remediation step", problems, true);
            remediation.add(new RemediationStep(text, url, n.path("command").asText("")));
        }
        if (remediation.isEmpty()) {
            problems.add(where + ": remediation must list at least one step");
        }

        List<Reference> references = new ArrayList<>();
        for (JsonNode n : root.path("references")) {
            String refTitle = n.path("title").asText("");
            String url = n.path("url").asText("");
            if (refTitle.isBlank()) {
                problems.add(where + ": a reference has no title");
            }
            checkUrl(url, where + " reference '" + refTitle + "'", problems, false);
            references.add(new Reference(refTitle, url));
        }
        if (references.isEmpty()) {
            problems.add(where + ": references must list at least one document");
        }

        if (problems.size() > before) {
            return null;
        }
        return new CheckMetadata(id, title, stage, platforms, severity, summary, why, incidents, remediation, references);
    }

    private static void checkUrl(String url, String where, List<String> problems, boolean optional) {
        if (url.isEmpty()) {
            if (!optional) {
                problems.add(where + " has no url");
            }
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(where + ": url must be an https URL, got " + url);
            }
        } catch (Exception e) {
            problems.add(where + ": url is not valid: " + url);
        }
    }

    private static String text(JsonNode root, String field, String where, List<String> problems) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            problems.add(where + ": " + field + " is missing or empty");
            return null;
        }
        return n.asText().strip();
    }

    private static <T> T parse(JsonNode root, String field, String where, List<String> problems,
                               java.util.function.Function<String, T> parser) {
        String text = text(root, field, where, problems);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }
}
