package dev.hardening.auditor.checks.support;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactUnavailableException;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import java.util.List;
import java.util.Optional;

/** The GitHub accounts a per-user check audits: the logins named, or without any, the token's own account. */
public final class GitHubLogins {
    private GitHubLogins() {
    }

    public static List<String> audited(CheckContext context) {
        List<String> named = AccountNames.distinctIgnoringCase(context.targets().githubUsers());
        if (!named.isEmpty()) {
            return named;
        }
        Fact<GitHubViewer> viewer = context.facts().lookup(GitHubFacts.VIEWER);
        if (viewer instanceof Fact.Unavailable<GitHubViewer> u && u.unavailability().cause() != Cause.NO_CREDENTIAL) {
            // The token's account could not be read: its findings are unknown, not absent.
            throw new FactUnavailableException(GitHubFacts.VIEWER, u.unavailability());
        }
        return viewer.valueIfAvailable().map(v -> List.of(v.user().login())).orElse(List.of());
    }

    /** Whether the token belongs to {@code login}, so that its private data (addresses) are about them. */
    public static boolean isTokenOwner(CheckContext context, String login) {
        Optional<String> owner = context.facts().lookup(GitHubFacts.VIEWER).valueIfAvailable().map(v -> v.user().login());
        return owner.isPresent() && owner.get().equalsIgnoreCase(login);
    }

    /** {@code a, b, c and 4 more}: a readable, bounded list for evidence. */
    public static String listed(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
