package dev.hardening.auditor.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy file (YAML), documented by {@code schema/policy.schema.json} and the commented
 * {@code docs/policy.example.yaml}:
 *
 * <pre>
 * version: 1
 * roster: {npm: {left-pad: [alice, bob], "@acme/*": [alice]}, pypi: {requests: [carol]}}
 * second-factor: {github: phishing-resistant, npm: app, pypi: enabled}
 * tokens: {max-age: 90d}
 * keys: {min-rsa-bits: 3072}
 * release: {require-provenance: true, require-trusted-publishing: true}
 * snapshots: {cadence: 7d}
 * attestations: {max-age: 180d}
 * waivers: [{check: publishers.roster, subject: npm:left-pad, owner: alice, justification: ..., expires: 2026-09-30}]
 * </pre>
 *
 * Every section is optional. A misspelt key is refused rather than ignored (a compliance rule that
 * silently does nothing is worse than an error); keys starting with {@code x-} are left for other
 * tools.
 */
public final class PolicyLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> SECTIONS = Set.of("version", "roster", "second-factor", "tokens", "keys",
            "release", "snapshots", "attestations", "waivers");
    private static final Set<String> PLATFORMS_WITH_2FA = Set.of("github", "npm", "pypi");
    private static final Pattern CHECK_ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");

    private PolicyLoader() {
    }

    public static Policy load(Path file) throws InvalidPolicyException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidPolicyException(file + " is larger than 1 MB; is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidPolicyException("cannot read policy " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")"));
        }
        return parse(bytes, file.toString());
    }

    /** Parses policy text; {@code source} names it in messages and evidence. */
    public static Policy parse(byte[] bytes, String source) throws InvalidPolicyException {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException("policy " + source + " is not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidPolicyException("cannot read policy " + source + ": " + firstLine(e.getMessage()));
        }
        String sha256 = sha256(bytes);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Policy(source, Map.of(), sha256, Map.of(), Optional.empty(), OptionalInt.empty(), false,
                    false, Optional.empty(), Optional.empty(), List.of());
        }
        Reader r = new Reader(source);
        r.object(root, "the policy");
        r.onlyKeys(root, "", SECTIONS);
        if (root.has("version") && !(root.get("version").isInt() && root.get("version").intValue() == 1)) {
            throw r.error("version", "this auditor reads policy version 1, found " + root.get("version"));
        }
        Map<String, Set<String>> rosters = rosters(r, root.path("roster"));
        Map<String, SecondFactorLevel> secondFactor = new HashMap<>();
        JsonNode sf = root.path("second-factor");
        if (!sf.isMissingNode()) {
            r.object(sf, "second-factor");
            r.onlyKeys(sf, "second-factor.", PLATFORMS_WITH_2FA);
            for (Map.Entry<String, JsonNode> e : sf.properties()) {
                String at = "second-factor." + e.getKey();
                try {
                    secondFactor.put(e.getKey(), SecondFactorLevel.parse(r.text(e.getValue(), at)));
                } catch (IllegalArgumentException ex) {
                    throw r.error(at, ex.getMessage());
                }
            }
        }
        JsonNode tokens = r.section(root, "tokens", Set.of("max-age"));
        Optional<Duration> maxTokenAge = r.duration(tokens, "tokens.max-age");
        JsonNode keys = r.section(root, "keys", Set.of("min-rsa-bits"));
        OptionalInt minRsaBits = OptionalInt.empty();
        if (keys.has("min-rsa-bits")) {
            JsonNode bits = keys.get("min-rsa-bits");
            if (!bits.isInt() || bits.intValue() < 1024 || bits.intValue() > 16384) {
                throw r.error("keys.min-rsa-bits", "expected a number of bits between 1024 and 16384, found " + bits);
            }
            minRsaBits = OptionalInt.of(bits.intValue());
        }
        JsonNode release = r.section(root, "release", Set.of("require-provenance", "require-trusted-publishing"));
        boolean provenance = r.bool(release, "require-provenance", "release.require-provenance");
        boolean trusted = r.bool(release, "require-trusted-publishing", "release.require-trusted-publishing");
        JsonNode snapshots = r.section(root, "snapshots", Set.of("cadence"));
        Optional<Duration> cadence = r.duration(snapshots, "snapshots.cadence");
        JsonNode attestations = r.section(root, "attestations", Set.of("max-age"));
        Optional<Duration> attestationPeriod = r.duration(attestations, "attestations.max-age");
        List<PolicyWaiver> waivers = waivers(r, root.path("waivers"));
        return new Policy(source, rosters, sha256, secondFactor, maxTokenAge, minRsaBits, provenance, trusted,
                cadence, attestationPeriod, waivers);
    }

    private static Map<String, Set<String>> rosters(Reader r, JsonNode roster) throws InvalidPolicyException {
        Map<String, Set<String>> rosters = new HashMap<>();
        if (roster.isMissingNode()) {
            return rosters;
        }
        if (!roster.isObject()) {
            throw r.error("roster", "must map npm/pypi to packages");
        }
        r.onlyKeys(roster, "roster.", Set.of("npm", "pypi"));
        for (String platform : new String[] {"npm", "pypi"}) {
            JsonNode packages = roster.path(platform);
            if (packages.isMissingNode()) {
                continue;
            }
            if (!packages.isObject()) {
                throw r.error("roster." + platform, "must map package names to lists of users");
            }
            for (Map.Entry<String, JsonNode> e : packages.properties()) {
                String at = "roster." + platform + "." + e.getKey();
                if (e.getKey().endsWith("/*") && !(platform.equals("npm") && e.getKey().startsWith("@"))) {
                    throw r.error(at, "only npm scopes can be given with /* (e.g. \"@acme/*\")");
                }
                if (!e.getValue().isArray()) {
                    throw r.error(at, "must be a list of user names");
                }
                Set<String> users = new LinkedHashSet<>();
                for (JsonNode u : e.getValue()) {
                    users.add(r.text(u, at + "[]"));
                }
                rosters.put(platform + ":" + e.getKey(), users);
            }
        }
        return rosters;
    }

    private static List<PolicyWaiver> waivers(Reader r, JsonNode node) throws InvalidPolicyException {
        List<PolicyWaiver> waivers = new ArrayList<>();
        if (node.isMissingNode()) {
            return waivers;
        }
        if (!node.isArray()) {
            throw r.error("waivers", "must be a list of waivers");
        }
        Set<String> fields = Set.of("check", "subject", "owner", "justification", "expires");
        for (int i = 0; i < node.size(); i++) {
            String at = "waivers[" + i + "]";
            JsonNode w = node.get(i);
            r.object(w, at);
            r.onlyKeys(w, at + ".", fields);
            for (String f : fields) {
                if (!w.has(f)) {
                    throw r.error(at, "a waiver needs check, subject, owner, justification and expires; '" + f
                            + "' is missing");
                }
            }
            String check = r.text(w.get("check"), at + ".check");
            if (!CHECK_ID.matcher(check).matches()) {
                throw r.error(at + ".check", "'" + check + "' is not a check id (e.g. publishers.roster)");
            }
            String expiresText = r.text(w.get("expires"), at + ".expires");
            LocalDate expires;
            try {
                expires = LocalDate.parse(expiresText);
            } catch (DateTimeParseException e) {
                throw r.error(at + ".expires", "expected a date such as 2026-09-30, found '" + expiresText + "'");
            }
            waivers.add(new PolicyWaiver(check, r.text(w.get("subject"), at + ".subject"),
                    r.text(w.get("owner"), at + ".owner"), r.text(w.get("justification"), at + ".justification"),
                    expires));
        }
        return waivers;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Typed access to the tree with messages that name the file and the key. */
    private record Reader(String source) {
        InvalidPolicyException error(String at, String message) {
            return new InvalidPolicyException("policy " + source + ": " + at + ": " + message);
        }

        void object(JsonNode node, String at) throws InvalidPolicyException {
            if (!node.isObject()) {
                throw error(at, "must be a mapping");
            }
        }

        void onlyKeys(JsonNode node, String prefix, Set<String> allowed) throws InvalidPolicyException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key) && !key.startsWith("x-")) {
                    throw error(prefix + key, "unknown key (expected one of " + new java.util.TreeSet<>(allowed) + ")");
                }
            }
        }

        JsonNode section(JsonNode root, String name, Set<String> keys) throws InvalidPolicyException {
            JsonNode node = root.path(name);
            if (node.isMissingNode()) {
                return node;
            }
            object(node, name);
            onlyKeys(node, name + ".", keys);
            return node;
        }

        String text(JsonNode node, String at) throws InvalidPolicyException {
            if (node == null || !(node.isTextual() || node.isNumber()) || node.asText().isBlank()) {
                throw error(at, "expected a non-empty text");
            }
            return node.asText().trim();
        }

        boolean bool(JsonNode section, String key, String at) throws InvalidPolicyException {
            JsonNode node = section.path(key);
            if (node.isMissingNode()) {
                return false;
            }
            if (!node.isBoolean()) {
                throw error(at, "expected true or false, found " + node);
            }
            return node.booleanValue();
        }

        Optional<Duration> duration(JsonNode section, String at) throws InvalidPolicyException {
            String key = at.substring(at.indexOf('.') + 1);
            JsonNode node = section.path(key);
            if (node.isMissingNode()) {
                return Optional.empty();
            }
            try {
                return Optional.of(DurationText.parse(text(node, at)));
            } catch (IllegalArgumentException e) {
                throw error(at, e.getMessage());
            }
        }
    }

    /** The policy file is missing, unreadable or malformed; the message says where. */
    public static final class InvalidPolicyException extends Exception {
        public InvalidPolicyException(String message) {
            super(message);
        }
    }
}
