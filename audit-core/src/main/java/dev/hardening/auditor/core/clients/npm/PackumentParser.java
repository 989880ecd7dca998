package dev.hardening.auditor.core.clients.npm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.hardening.auditor.core.clients.internal.Timestamps;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmTrustedPublisher;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a full packument ({@code GET /{name}}) into an {@link NpmPackument} by streaming it: only
 * the fields the fact records hold are kept (people, dist-tags, times, and per version its
 * publisher, provenance, install scripts and dist), and everything else (readmes, dependency
 * maps, file lists) is skipped token by token. A popular package's packument is tens of megabytes;
 * as a tree it would take several times that in heap, streamed it takes little more than its
 * records (see docs/PERFORMANCE-registries.md).
 */
final class PackumentParser {
    /** The lifecycle scripts npm runs on install; others ({@code prepare}, {@code test}...) do not run for users. */
    static final List<String> INSTALL_SCRIPTS = List.of("preinstall", "install", "postinstall");
    /** Old packuments list people as strings: {@code "Name <email> (url)"}. */
    private static final Pattern PERSON = Pattern.compile("^\\s*([^<(]*?)\\s*(?:<([^>]*)>)?\\s*(?:\\([^)]*\\))?\\s*$");
    private static final JsonFactory JSON = JsonFactory.builder()
            // Packuments nest a few levels; a deeply nested document is hostile, not a packument.
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    private PackumentParser() {
    }

    /** Parses a packument; throws {@link MalformedPackumentException} when it is not a JSON object. */
    static NpmPackument parse(String requestedName, byte[] body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            return new PackumentParser.Reader(p).read(requestedName);
        }
    }

    /** The document is valid JSON but not a packument (for instance an array or a string). */
    static final class MalformedPackumentException extends IOException {
        MalformedPackumentException(String message) {
            super(message);
        }
    }

    /** One version while the packument is read; its time comes later in the document. */
    private record PartialVersion(String version, Optional<NpmPerson> publisher, Optional<NpmTrustedPublisher> trustedPublisher,
                                  Optional<String> attestationsUrl, Optional<String> predicateType,
                                  Map<String, String> scripts, Optional<String> integrity, Optional<String> tarball,
                                  Optional<String> gitHead, Optional<String> repository) {
    }

    private static final class Reader {
        private final JsonParser p;

        Reader(JsonParser p) {
            this.p = p;
        }

        NpmPackument read(String requestedName) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPackumentException("the document is not a JSON object");
            }
            Optional<String> name = Optional.empty();
            Map<String, String> distTags = new LinkedHashMap<>();
            List<NpmPerson> maintainers = new ArrayList<>();
            Map<String, Instant> times = new LinkedHashMap<>();
            Optional<String> repository = Optional.empty();
            Map<String, PartialVersion> versions = new LinkedHashMap<>();
            boolean named = false;
            boolean versioned = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                named |= field.equals("name");
                versioned |= field.equals("versions");
                switch (field) {
                    case "name" -> name = text(value);
                    case "dist-tags" -> distTags = strings(value);
                    case "maintainers" -> maintainers = people(value);
                    case "time" -> strings(value).forEach((k, v) -> Timestamps.parse(v).ifPresent(t -> times.put(k, t)));
                    case "repository" -> repository = repository(value);
                    case "versions" -> versions = versions(value);
                    default -> p.skipChildren();
                }
            }
            if (!named && !versioned) {
                // Every packument names its package and lists its versions; a document with neither is another
                // answer in JSON (an error, another API), and read as a packument it would be a package with no
                // one behind it.
                throw new MalformedPackumentException("the document has neither name nor versions: it is not a packument");
            }
            List<NpmVersion> list = new ArrayList<>();
            versions.forEach((key, v) -> list.add(new NpmVersion(v.version(), v.publisher(), v.trustedPublisher(),
                    v.attestationsUrl(), v.predicateType(), v.scripts(), Optional.ofNullable(times.get(key)),
                    v.integrity(), v.tarball(), v.gitHead())));
            // Oldest first; a version the time map does not date sorts first (stable), so it is never taken for the newest.
            list.sort(Comparator.comparing((NpmVersion v) -> v.publishedAt().orElse(Instant.MIN)));
            if (repository.isEmpty() && distTags.get("latest") != null && versions.containsKey(distTags.get("latest"))) {
                repository = versions.get(distTags.get("latest")).repository();
            }
            return new NpmPackument(name.orElse(requestedName), maintainers, distTags, list, repository,
                    Optional.ofNullable(times.get("created")), Optional.ofNullable(times.get("modified")));
        }

        private Map<String, PartialVersion> versions(JsonToken start) throws IOException {
            Map<String, PartialVersion> out = new LinkedHashMap<>();
            if (start != JsonToken.START_OBJECT) {
                p.skipChildren();
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT) {
                    out.put(key, version(key));
                } else {
                    p.skipChildren();
                }
            }
            return out;
        }

        /** One entry of {@code versions}; the parser stands on its START_OBJECT. */
        private PartialVersion version(String key) throws IOException {
            Optional<String> version = Optional.empty();
            Optional<NpmPerson> publisher = Optional.empty();
            Optional<NpmTrustedPublisher> trusted = Optional.empty();
            Optional<String> attestations = Optional.empty();
            Optional<String> predicate = Optional.empty();
            Map<String, String> scripts = new LinkedHashMap<>();
            Optional<String> integrity = Optional.empty();
            Optional<String> tarball = Optional.empty();
            Optional<String> gitHead = Optional.empty();
            Optional<String> repository = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> version = text(value);
                    case "gitHead" -> gitHead = text(value);
                    case "repository" -> repository = repository(value);
                    case "scripts" -> strings(value).forEach((k, v) -> {
                        if (INSTALL_SCRIPTS.contains(k)) {
                            scripts.put(k, v);
                        }
                    });
                    case "_npmUser" -> {
                        NpmUser user = npmUser(value);
                        publisher = user.person();
                        trusted = user.trustedPublisher();
                    }
                    case "dist" -> {
                        Dist dist = dist(value);
                        integrity = dist.integrity();
                        tarball = dist.tarball();
                        attestations = dist.attestationsUrl();
                        predicate = dist.predicateType();
                    }
                    default -> p.skipChildren();
                }
            }
            return new PartialVersion(version.orElse(key), publisher, trusted, attestations, predicate, scripts,
                    integrity, tarball, gitHead, repository);
        }

        private record NpmUser(Optional<NpmPerson> person, Optional<NpmTrustedPublisher> trustedPublisher) {
        }

        private NpmUser npmUser(JsonToken start) throws IOException {
            if (start == JsonToken.VALUE_STRING) {
                return new NpmUser(personFromString(p.getText()), Optional.empty());
            }
            if (start != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new NpmUser(Optional.empty(), Optional.empty());
            }
            String name = "";
            String email = "";
            Optional<NpmTrustedPublisher> trusted = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "name" -> name = text(value).orElse("");
                    case "email" -> email = text(value).orElse("");
                    case "trustedPublisher" -> {
                        if (value == JsonToken.START_OBJECT) {
                            Map<String, String> tp = strings(value);
                            trusted = Optional.of(new NpmTrustedPublisher(tp.getOrDefault("id", ""),
                                    tp.getOrDefault("oidcConfigId", "")));
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            Optional<NpmPerson> person = name.isEmpty() && email.isEmpty() ? Optional.empty() : Optional.of(new NpmPerson(name, email));
            return new NpmUser(person, trusted);
        }

        private record Dist(Optional<String> integrity, Optional<String> tarball, Optional<String> attestationsUrl,
                            Optional<String> predicateType) {
        }

        private Dist dist(JsonToken start) throws IOException {
            Optional<String> integrity = Optional.empty();
            Optional<String> tarball = Optional.empty();
            Optional<String> url = Optional.empty();
            Optional<String> predicate = Optional.empty();
            if (start != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new Dist(integrity, tarball, url, predicate);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "integrity" -> integrity = text(value);
                    case "tarball" -> tarball = text(value);
                    case "attestations" -> {
                        if (value != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken v = p.nextToken();
                            if (f.equals("url")) {
                                url = text(v);
                            } else if (f.equals("provenance") && v == JsonToken.START_OBJECT) {
                                predicate = Optional.ofNullable(strings(v).get("predicateType"));
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new Dist(integrity, tarball, url, predicate);
        }

        /** {@code repository} is either a string ({@code "github:user/repo"}, a URL) or {@code {type, url}}. */
        private Optional<String> repository(JsonToken start) throws IOException {
            if (start == JsonToken.VALUE_STRING) {
                return text(start);
            }
            if (start == JsonToken.START_OBJECT) {
                return Optional.ofNullable(strings(start).get("url"));
            }
            p.skipChildren();
            return Optional.empty();
        }

        private List<NpmPerson> people(JsonToken start) throws IOException {
            List<NpmPerson> out = new ArrayList<>();
            if (start != JsonToken.START_ARRAY) {
                p.skipChildren();
                return out;
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (t == JsonToken.VALUE_STRING) {
                    personFromString(p.getText()).ifPresent(out::add);
                } else if (t == JsonToken.START_OBJECT) {
                    Map<String, String> fields = strings(t);
                    String name = fields.getOrDefault("name", "");
                    String email = fields.getOrDefault("email", "");
                    if (!name.isEmpty() || !email.isEmpty()) {
                        out.add(new NpmPerson(name, email));
                    }
                } else {
                    p.skipChildren();
                }
            }
            return out;
        }

        /** The non-blank string members of an object (trimmed); nested values are skipped. */
        private Map<String, String> strings(JsonToken start) throws IOException {
            Map<String, String> out = new LinkedHashMap<>();
            if (start != JsonToken.START_OBJECT) {
                p.skipChildren();
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    String v = p.getText().trim();
                    if (!v.isEmpty()) {
                        out.put(field, v);
                    }
                } else {
                    p.skipChildren();
                }
            }
            return out;
        }

        private Optional<String> text(JsonToken value) throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                p.skipChildren();
                return Optional.empty();
            }
            String v = p.getText().trim();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
    }

    static Optional<NpmPerson> personFromString(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = PERSON.matcher(text);
        if (m.matches()) {
            return Optional.of(new NpmPerson(m.group(1), m.group(2) == null ? "" : m.group(2).trim()));
        }
        return Optional.of(new NpmPerson(text.trim(), ""));
    }
}
