package dev.hardening.auditor.core.policy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the team agreed: for now, the roster of who may publish each package. Loaded from the
 * {@code --policy} YAML file; an audit without a policy uses {@link #none()}.
 *
 * @param source  where the policy was read from (for evidence), or empty
 * @param rosters allowed publishers per package; keys are {@code npm:name} or {@code pypi:name}
 */
public record Policy(String source, Map<String, Set<String>> rosters) {
    public Policy {
        source = source == null ? "" : source;
        var copy = new TreeMap<String, Set<String>>();
        rosters.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        rosters = Map.copyOf(copy);
    }

    public static Policy none() {
        return new Policy("", Map.of());
    }

    public boolean isEmpty() {
        return rosters.isEmpty();
    }

    /** The agreed publishers of a package, if the policy names it. */
    public Optional<Set<String>> rosterFor(String packageKey) {
        return Optional.ofNullable(rosters.get(packageKey));
    }
}
