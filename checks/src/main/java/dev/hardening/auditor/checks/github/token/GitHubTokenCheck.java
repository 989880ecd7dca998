package dev.hardening.auditor.checks.github.token;

import dev.hardening.auditor.checks.github.token.ClassicScopes.Assessment;
import dev.hardening.auditor.checks.github.token.ClassicScopes.Risk;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
import dev.hardening.auditor.core.facts.github.GitHubTokenKind;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code github.token}: whether the token supplied to the audit is least-privilege and short-lived.
 * Judges only what GitHub reveals: the kind (by prefix), classic scopes ({@code X-OAuth-Scopes}) and
 * expiry ({@code github-authentication-token-expiration}). Never shows the token, only its fingerprint.
 *
 * <p>Rules: dangerous scopes FAIL; write scopes the audit does not need WARN; a classic or OAuth token
 * that never expires FAIL when it can write, else WARN; any expiry more than {@value #MAX_LIFETIME_DAYS}
 * days away WARN; a fine-grained or GitHub App token with a near expiry PASS. With the policy's
 * {@code tokens.max-age}, a token expiring further away than that, or never, FAIL naming the rule.
 */
public final class GitHubTokenCheck implements Check {
    static final int MAX_LIFETIME_DAYS = 90;
    static final String SCOPES_SOURCE = "GET /user (X-OAuth-Scopes)";
    static final String EXPIRY_SOURCE = "GET /user (github-authentication-token-expiration)";
    static final String TOKEN_SOURCE = "the supplied token (prefix and SHA-256 fingerprint)";
    static final String MAX_AGE_KEY = "tokens.max-age";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Fact<GitHubViewer> fact = context.facts().lookup(GitHubFacts.VIEWER);
        if (fact instanceof Fact.Unavailable<GitHubViewer> unavailable) {
            Unavailability why = unavailable.unavailability();
            if (why.cause() == Unavailability.Cause.NO_CREDENTIAL) {
                return List.of(context.notApplicable("github", "No GitHub token supplied, so there is no token to assess."));
            }
            return List.of(context.unknown("github", why));
        }
        GitHubViewer viewer = ((Fact.Available<GitHubViewer>) fact).value();
        return List.of(assess(context, "github:" + viewer.user().login(), viewer.token()));
    }

    private static Finding assess(CheckContext context, String subject, GitHubTokenInfo token) {
        Verdict verdict = new Verdict();
        verdict.evidence.add(Evidence.of("kind", token.kind().description(), TOKEN_SOURCE));
        verdict.evidence.add(Evidence.of("fingerprint", token.fingerprint(), TOKEN_SOURCE));
        switch (token.kind()) {
            case REFRESH -> {
                return context.unknown(subject, "The supplied token is a GitHub App refresh token, which is not meant for API calls.",
                        "an access token: a fine-grained personal access token with read-only permissions",
                        verdict.evidence.toArray(Evidence[]::new));
            }
            case UNKNOWN -> {
                return context.unknown(subject, "The token's format is not one GitHub documents, so its kind, scopes and expiry cannot be judged.",
                        "a fine-grained personal access token (github_pat_) or a classic one (ghp_)",
                        verdict.evidence.toArray(Evidence[]::new));
            }
            case CLASSIC_PAT, OAUTH_APP -> scopes(token, verdict);
            default -> verdict.evidence.add(Evidence.of("permissions",
                    "chosen per token on GitHub; the API does not reveal them", TOKEN_SOURCE));
        }
        expiry(context.now(), token, verdict);
        maxAge(context, token, verdict);
        return verdict.toFinding(context, subject, token);
    }

    private static void scopes(GitHubTokenInfo token, Verdict verdict) {
        if (token.scopes().isEmpty()) {
            verdict.scopesUnknown = true;
            verdict.evidence.add(Evidence.of("scopes", "not reported (no X-OAuth-Scopes header)", SCOPES_SOURCE));
            return;
        }
        verdict.scopesAssessed = true;
        Set<String> scopes = new TreeSet<>(token.scopes().get());
        verdict.evidence.add(Evidence.of("scopes", scopes.isEmpty() ? "(none)" : String.join(", ", scopes), SCOPES_SOURCE));
        List<String> dangerous = new ArrayList<>();
        List<String> write = new ArrayList<>();
        for (String scope : scopes) {
            Assessment a = ClassicScopes.assess(scope);
            if (a.risk() == Risk.DANGEROUS || a.risk() == Risk.WRITE) {
                verdict.evidence.add(Evidence.of("scope " + scope, a.effect(), SCOPES_SOURCE));
                (a.risk() == Risk.DANGEROUS ? dangerous : write).add(scope);
            }
        }
        verdict.canWrite = !dangerous.isEmpty() || !write.isEmpty();
        if (!dangerous.isEmpty()) {
            verdict.problem(Status.FAIL, "it has scopes that let whoever holds it take over your account or publish as you ("
                    + String.join(", ", dangerous) + ")");
        }
        if (!write.isEmpty()) {
            verdict.problem(Status.WARN, "it has write scopes the audit does not need (" + String.join(", ", write) + ")");
        }
    }

    private static void expiry(Instant now, GitHubTokenInfo token, Verdict verdict) {
        if (token.expiresAt().isPresent()) {
            Instant expiresAt = token.expiresAt().get();
            long days = Duration.between(now, expiresAt).toDays();
            verdict.evidence.add(Evidence.of("expires", DATE.format(expiresAt) + " (in " + days + " days)", EXPIRY_SOURCE));
            verdict.expiresIn = days;
            if (days > MAX_LIFETIME_DAYS) {
                verdict.problem(Status.WARN, "it expires in " + days + " days, more than " + MAX_LIFETIME_DAYS);
            }
            return;
        }
        verdict.evidence.add(Evidence.of("expires", "never (no expiration header)", EXPIRY_SOURCE));
        switch (token.kind()) {
            case CLASSIC_PAT, OAUTH_APP -> {
                if (verdict.canWrite) {
                    verdict.problem(Status.FAIL, "it never expires and can write: a copy stolen from a disk, a CI log or an"
                            + " install script stays usable until someone notices");
                } else {
                    verdict.problem(Status.WARN, "it never expires");
                }
            }
            case FINE_GRAINED_PAT -> verdict.problem(Status.WARN, "it never expires");
            case USER_TO_SERVER -> verdict.problem(Status.WARN,
                    "GitHub reports no expiry: the GitHub App has opted out of expiring user tokens");
            default -> verdict.evidence.add(Evidence.of("lifetime", "installation tokens expire one hour after they are issued", TOKEN_SOURCE));
        }
    }

    /**
     * The policy's {@code tokens.max-age}: a token that will still work after that long from now, or
     * never expires, lives longer than the team allows. GitHub reveals a token's expiry, not when it was
     * created, so a token expiring within the limit is taken as within it.
     */
    private static void maxAge(CheckContext context, GitHubTokenInfo token, Verdict verdict) {
        Optional<Duration> maxAge = context.policy().maxTokenAge();
        if (maxAge.isEmpty()) {
            return;
        }
        String rule = context.policy().describe(MAX_AGE_KEY);
        String limit = DurationText.describe(maxAge.get());
        verdict.evidence.add(Evidence.of("longest lifetime allowed", limit, rule));
        if (token.expiresAt().isPresent()) {
            Instant expiresAt = token.expiresAt().get();
            if (expiresAt.isAfter(context.now().plus(maxAge.get()))) {
                verdict.problem(Status.FAIL, "it works until " + DATE.format(expiresAt) + ", longer than the " + limit
                        + " the team policy allows (" + rule + ")");
            }
        } else if (token.kind() != GitHubTokenKind.INSTALLATION) {
            verdict.problem(Status.FAIL, "the team policy allows tokens to live at most " + limit + " (" + rule
                    + "), and this one never expires");
        }
    }

    /** The problems found so far and the evidence behind them. */
    private static final class Verdict {
        final List<Evidence> evidence = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        boolean scopesUnknown;
        boolean scopesAssessed;
        boolean canWrite;
        Long expiresIn;

        void problem(Status status, String text) {
            (status == Status.FAIL ? failures : warnings).add(text);
        }

        Finding toFinding(CheckContext context, String subject, GitHubTokenInfo token) {
            String kind = token.kind().description();
            List<String> problems = new ArrayList<>(failures);
            problems.addAll(warnings);
            if (!problems.isEmpty()) {
                String message = "The " + kind + " given to the audit is riskier than it needs to be: " + String.join("; ", problems)
                        + (scopesUnknown ? " (its scopes could not be read)" : "") + ".";
                return failures.isEmpty() ? context.warn(subject, message, evidence) : context.fail(subject, message, evidence);
            }
            if (scopesUnknown) {
                return context.unknown(subject, "GitHub did not report the " + kind + "'s scopes (no X-OAuth-Scopes header), so its"
                        + " privileges cannot be judged.", "a fine-grained personal access token, or a classic token GitHub reports scopes for",
                        evidence.toArray(Evidence[]::new));
            }
            String lifetime = expiresIn == null ? "expires within an hour of issue" : "expires in " + expiresIn + " days";
            String access = scopesAssessed
                    ? "has no scope beyond what the audit reads"
                    : "has permissions chosen per token, which the API does not reveal (review them on GitHub)";
            return context.pass(subject, "The " + kind + " given to the audit " + access + " and " + lifetime + ".", evidence);
        }
    }
}
