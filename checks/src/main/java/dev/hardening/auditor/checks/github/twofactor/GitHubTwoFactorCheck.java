package dev.hardening.auditor.checks.github.twofactor;

import dev.hardening.auditor.checks.support.AccountNames;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
import dev.hardening.auditor.core.facts.github.GitHubTokenKind;
import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code github.2fa}: whether the account that owns the supplied token has two-factor authentication
 * on, from {@code two_factor_authentication} of {@code GET /user}. GitHub shows that field only to the
 * account itself, so other logins named as targets are UNKNOWN.
 */
public final class GitHubTwoFactorCheck implements Check {
    static final String SOURCE = "GET /user";
    static final String NEEDED_TOKEN =
            "a GITHUB_TOKEN of the account itself: a classic token with the `user` scope (GitHub includes "
                    + "two_factor_authentication in GET /user only for it)";

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<String> logins = AccountNames.distinctIgnoringCase(context.targets().githubUsers());
        Fact<GitHubViewer> fact = context.facts().lookup(GitHubFacts.VIEWER);
        if (fact instanceof Fact.Unavailable<GitHubViewer> unavailable) {
            return unknownForAll(context, logins, unavailable.unavailability());
        }
        GitHubViewer viewer = ((Fact.Available<GitHubViewer>) fact).value();
        String owner = viewer.user().login();
        List<Finding> findings = new ArrayList<>();
        // With no login named, the token's own account is the one audited.
        if (logins.isEmpty() || logins.stream().anyMatch(owner::equalsIgnoreCase)) {
            findings.add(verdict(context, viewer));
        }
        for (String login : logins) {
            if (!login.equalsIgnoreCase(owner)) {
                findings.add(context.unknown("github:" + login,
                        "GitHub shows whether 2FA is on only to the account itself, and the token belongs to " + owner + ".",
                        "run with " + login + "'s own token, or use github.org-2fa as an owner of their organisation"));
            }
        }
        return findings;
    }

    private static Finding verdict(CheckContext context, GitHubViewer viewer) {
        GitHubUser user = viewer.user();
        String subject = "github:" + user.login();
        Optional<Boolean> twoFactor = user.twoFactorAuthentication();
        if (twoFactor.isEmpty()) {
            return context.unknown(subject,
                    "GitHub did not include two_factor_authentication in GET /user: " + whyHidden(viewer.token()) + ".",
                    NEEDED_TOKEN, Evidence.of("two_factor_authentication", "not in the response", SOURCE));
        }
        Evidence evidence = Evidence.of("two_factor_authentication", twoFactor.get(), SOURCE);
        if (twoFactor.get()) {
            return context.pass(subject, "Two-factor authentication is on for " + user.login() + ".", evidence);
        }
        return context.fail(subject, "Two-factor authentication is off for " + user.login()
                + ": a phished, leaked or reused password alone is enough to take over the account, its repositories"
                + " and the releases they publish.", evidence);
    }

    private static String whyHidden(GitHubTokenInfo token) {
        boolean scoped = token.kind() == GitHubTokenKind.CLASSIC_PAT || token.kind() == GitHubTokenKind.OAUTH_APP;
        if (scoped && token.scopes().isPresent() && !token.scopes().get().contains("user")) {
            return "the " + token.kind().description() + " lacks the `user` scope";
        }
        return "the " + token.kind().description() + " may not read private profile data";
    }

    private static List<Finding> unknownForAll(CheckContext context, List<String> logins, Unavailability why) {
        String needed = why.cause() == Unavailability.Cause.NO_CREDENTIAL ? NEEDED_TOKEN : why.needed();
        List<String> subjects = logins.isEmpty() ? List.of("github") : logins.stream().map(l -> "github:" + l).toList();
        return subjects.stream().map(s -> context.unknown(s, why.reason(), needed)).toList();
    }
}
