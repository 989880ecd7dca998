package dev.hardening.auditor.core.facts.github.repo;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GitHub repository by owner and name, as GitHub spells them (names compare case-insensitively,
 * see {@link #sameAs}).
 */
public record RepoRef(String owner, String name) {
    // GitHub logins: letters, digits, hyphens; repository names add '.' and '_'.
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public RepoRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (!isValid(owner, name)) {
            throw new IllegalArgumentException("not a GitHub repository: " + owner + "/" + name);
        }
    }

    /** Whether {@code owner/name} can name a GitHub repository ({@code .} and {@code ..} cannot). */
    public static boolean isValid(String owner, String name) {
        return owner != null && name != null && OWNER.matcher(owner).matches() && NAME.matcher(name).matches()
                && !name.equals(".") && !name.equals("..");
    }

    /** Parses {@code owner/name}; empty for anything else. */
    public static Optional<RepoRef> parse(String fullName) {
        if (fullName == null) {
            return Optional.empty();
        }
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash != fullName.lastIndexOf('/')) {
            return Optional.empty();
        }
        String owner = fullName.substring(0, slash);
        String name = fullName.substring(slash + 1);
        return isValid(owner, name) ? Optional.of(new RepoRef(owner, name)) : Optional.empty();
    }

    /** {@code owner/name}. */
    public String fullName() {
        return owner + "/" + name;
    }

    /** The finding subject, {@code repo:owner/name}. */
    public String subject() {
        return "repo:" + fullName();
    }

    /** The lower-cased full name, for comparing and de-duplicating (GitHub ignores case). */
    public String key() {
        return fullName().toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(RepoRef other) {
        return other != null && key().equals(other.key());
    }

    @Override
    public String toString() {
        return fullName();
    }
}
