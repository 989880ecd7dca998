package dev.hardening.auditor.core.clients.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.Timestamps;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmTrustedPublisher;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a full packument ({@code GET /{name}}) into an {@link NpmPackument}. */
final class PackumentParser {
    /** The lifecycle scripts npm runs on install; others ({@code prepare}, {@code test}...) do not run for users. */
    static final List<String> INSTALL_SCRIPTS = List.of("preinstall", "install", "postinstall");
    /** Old packuments list people as strings: {@code "Name <email> (url)"}. */
    private static final Pattern PERSON = Pattern.compile("^\\s*([^<(]*?)\\s*(?:<([^>]*)>)?\\s*(?:\\([^)]*\\))?\\s*$");

    private PackumentParser() {
    }

    static NpmPackument parse(String requestedName, JsonNode json) {
        Map<String, Instant> times = new LinkedHashMap<>();
        JsonFields.fields(json.path("time")).forEach((k, v) ->
                JsonFields.text(v).flatMap(Timestamps::parse).ifPresent(t -> times.put(k, t)));

        List<NpmVersion> versions = new ArrayList<>();
        JsonFields.fields(json.path("versions")).forEach((v, doc) -> versions.add(version(v, doc, times.get(v))));
        // Oldest first; a version the time map does not date sorts first (stable), so it is never taken for the newest.
        versions.sort(Comparator.comparing((NpmVersion v) -> v.publishedAt().orElse(Instant.MIN)));

        Map<String, String> distTags = JsonFields.stringMap(json, "dist-tags");
        Optional<String> repository = repositoryUrl(json.path("repository"));
        if (repository.isEmpty()) {
            String latest = distTags.get("latest");
            if (latest != null) {
                repository = repositoryUrl(json.path("versions").path(latest).path("repository"));
            }
        }
        return new NpmPackument(
                JsonFields.text(json, "name").orElse(requestedName),
                people(json.path("maintainers")),
                distTags,
                versions,
                repository,
                Optional.ofNullable(times.get("created")),
                Optional.ofNullable(times.get("modified")));
    }

    static NpmVersion version(String version, JsonNode doc, Instant publishedAt) {
        JsonNode npmUser = doc.path("_npmUser");
        JsonNode dist = doc.path("dist");
        JsonNode attestations = dist.path("attestations");
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String s : INSTALL_SCRIPTS) {
            JsonFields.text(doc.path("scripts"), s).ifPresent(cmd -> scripts.put(s, cmd));
        }
        return new NpmVersion(
                JsonFields.text(doc, "version").orElse(version),
                person(npmUser),
                trustedPublisher(npmUser.path("trustedPublisher")),
                JsonFields.text(attestations, "url"),
                JsonFields.text(attestations.path("provenance"), "predicateType"),
                scripts,
                Optional.ofNullable(publishedAt),
                JsonFields.text(dist, "integrity"),
                JsonFields.text(dist, "tarball"),
                JsonFields.text(doc, "gitHead"));
    }

    /** {@code repository} is either a string ({@code "github:user/repo"}, a URL) or {@code {type, url}}. */
    static Optional<String> repositoryUrl(JsonNode repository) {
        if (repository.isTextual()) {
            return JsonFields.text(repository);
        }
        return JsonFields.text(repository, "url");
    }

    static List<NpmPerson> people(JsonNode array) {
        List<NpmPerson> out = new ArrayList<>();
        for (JsonNode p : JsonFields.elements(array)) {
            person(p).ifPresent(out::add);
        }
        return out;
    }

    static Optional<NpmPerson> person(JsonNode node) {
        if (node.isObject()) {
            String name = JsonFields.textOrEmpty(node, "name");
            String email = JsonFields.textOrEmpty(node, "email");
            return name.isEmpty() && email.isEmpty() ? Optional.empty() : Optional.of(new NpmPerson(name, email));
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            Matcher m = PERSON.matcher(node.asText());
            if (m.matches()) {
                return Optional.of(new NpmPerson(m.group(1), m.group(2) == null ? "" : m.group(2).trim()));
            }
            return Optional.of(new NpmPerson(node.asText().trim(), ""));
        }
        return Optional.empty();
    }

    private static Optional<NpmTrustedPublisher> trustedPublisher(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new NpmTrustedPublisher(JsonFields.textOrEmpty(node, "id"),
                JsonFields.textOrEmpty(node, "oidcConfigId")));
    }
}
