package dev.hardening.auditor.checks.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmProfile;
import dev.hardening.auditor.core.facts.npm.NpmToken;
import dev.hardening.auditor.core.facts.npm.NpmTokens;
import dev.hardening.auditor.core.facts.npm.NpmTrustedPublisher;
import dev.hardening.auditor.core.facts.npm.NpmTwoFactor;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recorded npm registry responses turned into fact records, with the registry's field semantics. */
public final class RecordedNpm {
    private static final List<String> INSTALL_SCRIPTS = List.of("preinstall", "install", "postinstall");

    private RecordedNpm() {
    }

    /** {@code GET /-/npm/v1/user}: {@code tfa} is null or false when off, else {mode, pending}. */
    public static NpmProfile profile(JsonNode n) {
        List<String> cidrs = new ArrayList<>();
        n.path("cidr_whitelist").forEach(c -> cidrs.add(c.asText()));
        JsonNode emailVerified = n.get("email_verified");
        return new NpmProfile(n.path("name").asText(), n.path("email").asText(""),
                emailVerified != null && emailVerified.isBoolean() ? Optional.of(emailVerified.asBoolean()) : Optional.empty(),
                twoFactor(n.get("tfa")), cidrs, Json.instant(n, "created"), Json.instant(n, "updated"));
    }

    private static NpmTwoFactor twoFactor(JsonNode tfa) {
        if (tfa == null || tfa.isNull() || (tfa.isBoolean() && !tfa.asBoolean())) {
            return new NpmTwoFactor(NpmTwoFactor.Mode.DISABLED, false);
        }
        NpmTwoFactor.Mode mode = switch (tfa.path("mode").asText("")) {
            case "auth-only" -> NpmTwoFactor.Mode.AUTH_ONLY;
            case "auth-and-writes" -> NpmTwoFactor.Mode.AUTH_AND_WRITES;
            default -> NpmTwoFactor.Mode.UNRECOGNISED;
        };
        return new NpmTwoFactor(mode, tfa.path("pending").asBoolean(false));
    }

    /**
     * {@code GET /-/npm/v1/tokens}: key prefix, readonly, cidr_whitelist, dates, and the granular fields
     * (expiry, bypass_2fa, accessed, revoked); the {@code token} field is dropped.
     */
    public static NpmTokens tokens(JsonNode n) {
        List<NpmToken> tokens = new ArrayList<>();
        for (JsonNode t : n.path("objects")) {
            String key = t.path("key").asText("");
            List<String> cidr = new ArrayList<>();
            t.path("cidr_whitelist").forEach(c -> cidr.add(c.asText()));
            JsonNode readonly = t.get("readonly");
            JsonNode bypass = t.get("bypass_2fa");
            tokens.add(new NpmToken(key.substring(0, Math.min(6, key.length())),
                    readonly != null && readonly.isBoolean() ? Optional.of(readonly.asBoolean()) : Optional.empty(),
                    cidr, List.of(), bypass != null && bypass.isBoolean() ? Optional.of(bypass.asBoolean()) : Optional.empty(),
                    Json.instant(t, "created"), Json.instant(t, "updated"), Json.instant(t, "expiry"), Json.instant(t, "accessed"),
                    t.path("revoked").asBoolean(false)));
        }
        return new NpmTokens(tokens, true);
    }

    /** {@code GET /{name}}: versions oldest first by their {@code time} entry. */
    public static NpmPackument packument(JsonNode n) {
        JsonNode time = n.path("time");
        List<NpmVersion> versions = new ArrayList<>();
        n.path("versions").properties().forEach(e ->
                versions.add(version(e.getValue(), Json.instant(time, e.getKey()))));
        versions.sort(Comparator.comparing((NpmVersion v) -> v.publishedAt().orElse(Instant.MAX)));
        Map<String, String> distTags = new LinkedHashMap<>();
        n.path("dist-tags").properties().forEach(e -> distTags.put(e.getKey(), e.getValue().asText()));
        JsonNode repository = n.path("repository");
        Optional<String> repositoryUrl = repository.isTextual() ? Optional.of(repository.asText()) : Json.text(repository, "url");
        return new NpmPackument(n.path("name").asText(), people(n.path("maintainers")), distTags, versions, repositoryUrl,
                Json.instant(time, "created"), Json.instant(time, "modified"));
    }

    /** One entry of {@code versions} (or {@code GET /{name}/{version}}). */
    public static NpmVersion version(JsonNode v, Optional<Instant> publishedAt) {
        JsonNode npmUser = v.path("_npmUser");
        Optional<NpmPerson> publisher = npmUser.isObject()
                ? Optional.of(new NpmPerson(npmUser.path("name").asText(""), npmUser.path("email").asText("")))
                : Optional.empty();
        JsonNode tp = npmUser.path("trustedPublisher");
        Optional<NpmTrustedPublisher> trustedPublisher = tp.isObject()
                ? Optional.of(new NpmTrustedPublisher(tp.path("id").asText(""), tp.path("oidcConfigId").asText("")))
                : Optional.empty();
        JsonNode dist = v.path("dist");
        JsonNode attestations = dist.path("attestations");
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String s : INSTALL_SCRIPTS) {
            Json.text(v.path("scripts"), s).ifPresent(cmd -> scripts.put(s, cmd));
        }
        return new NpmVersion(v.path("version").asText(), publisher, trustedPublisher, Json.text(attestations, "url"),
                Json.text(attestations.path("provenance"), "predicateType"), scripts, publishedAt,
                Json.text(dist, "integrity"), Json.text(dist, "tarball"), Json.text(v, "gitHead"));
    }

    private static List<NpmPerson> people(JsonNode array) {
        List<NpmPerson> people = new ArrayList<>();
        array.forEach(p -> people.add(new NpmPerson(p.path("name").asText(""), p.path("email").asText(""))));
        return people;
    }
}
