package dev.hardening.auditor.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file (YAML). The part read today is the publisher roster:
 *
 * <pre>
 * roster:
 *   npm:
 *     left-pad: [alice, bob]
 *   pypi:
 *     requests: [carol]
 * </pre>
 *
 * Unknown top-level sections are ignored, so a file written for a newer version still loads.
 */
public final class PolicyLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long MAX_BYTES = 1024 * 1024;

    private PolicyLoader() {
    }

    public static Policy load(Path file) throws InvalidPolicyException {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidPolicyException(file + " is larger than 1 MB; is it the right file?");
            }
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidPolicyException("cannot read policy " + file + ": " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Policy(file.toString(), Map.of());
        }
        if (!root.isObject()) {
            throw new InvalidPolicyException("policy " + file + " must be a YAML mapping");
        }
        Map<String, Set<String>> rosters = new HashMap<>();
        JsonNode roster = root.path("roster");
        if (!roster.isMissingNode() && !roster.isObject()) {
            throw new InvalidPolicyException("policy " + file + ": 'roster' must map npm/pypi to packages");
        }
        for (String platform : new String[] {"npm", "pypi"}) {
            JsonNode packages = roster.path(platform);
            if (packages.isMissingNode()) {
                continue;
            }
            if (!packages.isObject()) {
                throw new InvalidPolicyException("policy " + file + ": roster." + platform + " must map package names to lists of users");
            }
            var it = packages.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!e.getValue().isArray()) {
                    throw new InvalidPolicyException("policy " + file + ": roster." + platform + "." + e.getKey()
                            + " must be a list of user names");
                }
                Set<String> users = new LinkedHashSet<>();
                e.getValue().forEach(u -> users.add(u.asText()));
                rosters.put(platform + ":" + e.getKey(), users);
            }
        }
        return new Policy(file.toString(), rosters);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The policy file is missing, unreadable or malformed; the message says where. */
    public static final class InvalidPolicyException extends Exception {
        public InvalidPolicyException(String message) {
            super(message);
        }
    }
}
