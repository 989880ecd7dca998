package dev.hardening.auditor.core.check;

import dev.hardening.auditor.core.model.CheckMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * All known checks with validated metadata. Checks are found through {@link ServiceLoader}; the
 * registry, not the check, decides what runs. Loading fails with every problem listed when a
 * check has no metadata, an invalid one, or an id already taken.
 */
public final class CheckRegistry {
    private final List<RegisteredCheck> checks;
    private final Map<String, RegisteredCheck> byId;

    /** Package-private: tests of the engine build registries of checks made in code. */
    CheckRegistry(List<RegisteredCheck> checks) {
        this.checks = List.copyOf(checks);
        Map<String, RegisteredCheck> map = new HashMap<>();
        checks.forEach(c -> map.put(c.id(), c));
        this.byId = Map.copyOf(map);
    }

    /** Loads the checks registered on the class path. */
    public static CheckRegistry load() {
        return load(CheckRegistry.class.getClassLoader());
    }

    public static CheckRegistry load(ClassLoader loader) {
        List<Check> found = new ArrayList<>();
        ServiceLoader.load(Check.class, loader).forEach(found::add);
        return of(found);
    }

    /** A registry of the given checks, validated as if they had been loaded. */
    public static CheckRegistry of(List<? extends Check> checks) {
        List<String> problems = new ArrayList<>();
        List<RegisteredCheck> registered = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (Check check : checks) {
            CheckMetadata metadata = MetadataLoader.load(check.getClass(), problems);
            if (metadata == null) {
                continue;
            }
            String previous = owners.putIfAbsent(metadata.id(), check.getClass().getName());
            if (previous != null) {
                problems.add("check id '" + metadata.id() + "' is declared by both " + previous + " and "
                        + check.getClass().getName());
                continue;
            }
            registered.add(new RegisteredCheck(metadata, check));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCheckMetadataException(problems);
        }
        registered.sort(Comparator.comparing((RegisteredCheck c) -> c.metadata().stage())
                .thenComparing(RegisteredCheck::id));
        return new CheckRegistry(registered);
    }

    /** Every check, ordered by stage then id. */
    public List<RegisteredCheck> all() {
        return checks;
    }

    public Optional<RegisteredCheck> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<CheckMetadata> catalog() {
        return checks.stream().map(RegisteredCheck::metadata).toList();
    }
}
