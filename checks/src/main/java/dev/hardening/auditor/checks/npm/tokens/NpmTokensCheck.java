package dev.hardening.auditor.checks.npm.tokens;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmToken;
import dev.hardening.auditor.core.facts.npm.NpmTokens;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.playbook.CredentialEvidence;
import dev.hardening.auditor.core.policy.DurationText;
import dev.hardening.auditor.core.tokens.CredentialKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code npm.tokens}: the tokens of the account that owns the supplied npm token
 * ({@code GET /-/npm/v1/tokens}), one finding per token, named by its key prefix. A write token
 * without expiry, or one that bypasses 2FA, FAIL; a write token valid for more than 90 days or usable
 * from any network, and any token unused for more than 90 days, WARN; otherwise PASS. More than
 * {@value #MANY_WRITE_TOKENS} write tokens adds one WARN for the account. With the policy's
 * {@code tokens.max-age}, a live token older than it, living longer than it, or never expiring FAIL
 * naming the rule. Each token finding carries the token as a credential ({@link CredentialEvidence},
 * listed by the incident playbook) and its id ({@link NpmToken#id()}) in the {@code tokens} attribute.
 */
public final class NpmTokensCheck implements Check {
    static final String SOURCE = "GET /-/npm/v1/tokens";
    static final Duration MAX_LIFETIME = Duration.ofDays(90);
    static final Duration STALE = Duration.ofDays(90);
    static final int MANY_WRITE_TOKENS = 3;
    static final String MAX_AGE_KEY = "tokens.max-age";
    /** The finding attribute that lists the token ids, read by snapshot diffs and the team view. */
    static final String TOKENS_ATTRIBUTE = "tokens";
    static final String LOCATION = "the npm account's token list (npm token list)";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Fact<NpmTokens> fact = context.facts().lookup(NpmFacts.TOKENS);
        if (fact instanceof Fact.Unavailable<NpmTokens> unavailable) {
            Unavailability why = unavailable.unavailability();
            if (why.cause() == Unavailability.Cause.NO_CREDENTIAL) {
                return List.of(context.unknown("npm tokens", "No npm token was supplied, and npm lists an account's tokens"
                        + " only to the account itself.", "NPM_TOKEN (a read-only granular token of the account)"));
            }
            return List.of(context.unknown("npm tokens", why));
        }
        NpmTokens tokens = ((Fact.Available<NpmTokens>) fact).value();
        List<NpmToken> live = tokens.tokens().stream().filter(t -> !t.revoked()).toList();
        // An expired token publishes nothing, though npm still lists it until it is revoked.
        long writeTokens = live.stream().filter(NpmToken::canWrite)
                .filter(t -> t.expiry().filter(context.now()::isAfter).isEmpty()).count();
        List<Finding> findings = new ArrayList<>();
        if (live.isEmpty()) {
            findings.add(context.pass("npm tokens", "The account lists no active tokens.",
                    Evidence.of("tokens", "0 active of " + tokens.tokens().size() + " listed", SOURCE)));
        }
        for (NpmToken token : live) {
            findings.add(judge(context, token, writeTokens));
        }
        if (writeTokens > MANY_WRITE_TOKENS) {
            findings.add(context.warn("npm tokens", writeTokens + " tokens of the account can publish: each one is a way to"
                    + " publish every package it can reach. Keep one per CI pipeline that needs it, or none with trusted publishing.",
                    Evidence.of("write tokens", writeTokens + " of " + live.size() + " active", SOURCE)));
        }
        if (!tokens.complete()) {
            findings.add(context.unknown("npm tokens", "The token list has more pages than the auditor reads; tokens beyond"
                    + " them were not judged.", "review the rest at https://www.npmjs.com/settings/~/tokens"));
        }
        return findings;
    }

    private static Finding judge(CheckContext context, NpmToken token, long writeTokens) {
        Instant now = context.now();
        String subject = "npm token " + token.keyPrefix() + "…";
        boolean expired = token.expiry().filter(now::isAfter).isPresent();
        List<Evidence> evidence = evidence(token, expired);
        List<String> fails = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        if (token.canWrite()) {
            if (token.expiry().isEmpty()) {
                fails.add("it can publish and never expires");
            } else if (token.expiry().get().isAfter(now.plus(MAX_LIFETIME))) {
                warns.add("it can publish until " + DATE.format(token.expiry().get()) + ", more than 90 days from now");
            }
            if (token.bypass2fa().orElse(false)) {
                fails.add("it publishes without a second factor (bypass_2fa)");
            }
            if (token.cidr().isEmpty()) {
                warns.add("it works from any network (no CIDR restriction)");
            }
        }
        token.accessed().filter(a -> a.isBefore(now.minus(STALE)))
                .ifPresent(a -> warns.add("it has not been used since " + DATE.format(a)));
        if (expired) {
            return tagged(context.pass(subject, "Token " + token.keyPrefix() + "… expired on " + DATE.format(token.expiry().get())
                    + " and can no longer be used.", evidence), token);
        }
        maxAge(context, token, evidence).ifPresent(fails::add);
        String kind = token.canWrite() ? "Write token " : "Read-only token ";
        String of = token.canWrite() ? " (one of " + writeTokens + " that can publish)" : "";
        if (!fails.isEmpty() || !warns.isEmpty()) {
            List<String> all = new ArrayList<>(fails);
            all.addAll(warns);
            String message = kind + token.keyPrefix() + "…" + of + ": " + String.join("; ", all) + "."
                    + (token.canWrite() ? " A token stolen from a laptop or CI log publishes as you, as in eslint-scope"
                    + " and Shai-Hulud." : " Revoke tokens nobody uses.");
            return tagged(context.finding(fails.isEmpty() ? Status.WARN : Status.FAIL, subject, message, "", evidence), token);
        }
        return tagged(context.pass(subject, kind + token.keyPrefix() + "…" + of + (token.canWrite()
                ? " expires within 90 days and only works from " + String.join(", ", token.cidr()) + "."
                : " cannot publish" + (token.cidr().isEmpty() ? "." : " and only works from " + String.join(", ", token.cidr()) + ".")),
                evidence), token);
    }

    /**
     * The policy's {@code tokens.max-age}, for a token that has not expired: older than the limit (by
     * {@code created}), never expiring, or living longer than it (created to expiry, or now to expiry
     * when npm does not say when it was created) breaks the rule.
     */
    private static Optional<String> maxAge(CheckContext context, NpmToken token, List<Evidence> evidence) {
        Optional<Duration> maxAge = context.policy().maxTokenAge();
        if (maxAge.isEmpty()) {
            return Optional.empty();
        }
        Instant now = context.now();
        String rule = context.policy().describe(MAX_AGE_KEY);
        String limit = DurationText.describe(maxAge.get());
        evidence.add(Evidence.of("longest lifetime allowed", limit, rule));
        String allows = "the team policy allows tokens to live at most " + limit + " (" + rule + ")";
        if (token.created().filter(c -> c.plus(maxAge.get()).isBefore(now)).isPresent()) {
            return Optional.of("it was created on " + DATE.format(token.created().get()) + ", more than " + limit + " ago, and "
                    + allows);
        }
        if (token.expiry().isEmpty()) {
            return Optional.of(allows + ", and this one never expires");
        }
        Instant from = token.created().orElse(now);
        Duration lifetime = Duration.between(from, token.expiry().get());
        if (lifetime.compareTo(maxAge.get()) > 0) {
            return Optional.of("it is valid " + (token.created().isPresent() ? "from " + DATE.format(from) : "from now")
                    + " until " + DATE.format(token.expiry().get()) + ", and " + allows);
        }
        return Optional.empty();
    }

    /** Every token finding names its token, so that snapshot diffs show tokens added and removed. */
    private static Finding tagged(Finding finding, NpmToken token) {
        return finding.withAttribute(TOKENS_ATTRIBUTE, List.of(token.id()));
    }

    /**
     * The token as the incident playbook lists credentials ({@link CredentialEvidence}), named by
     * {@link NpmToken#id()}, then its settings and dates; never the token.
     */
    private static List<Evidence> evidence(NpmToken t, boolean expired) {
        String capability = expired ? "nothing: it expired on " + DATE.format(t.expiry().get())
                : t.canWrite() ? "publish every package the account can publish"
                + (t.permissions().isEmpty() ? "" : ", within its permissions (" + String.join(", ", t.permissions()) + ")")
                : "read the account's packages, private ones included";
        List<Evidence> out = new ArrayList<>(CredentialEvidence.of(CredentialKind.NPM_TOKEN, LOCATION, "", t.canWrite() && !expired,
                capability, "", t.id(), SOURCE));
        out.add(Evidence.of("access", t.canWrite() ? "read and publish" : "read-only"
                + (t.permissions().isEmpty() ? "" : " (" + String.join(", ", t.permissions()) + ")"), SOURCE));
        out.add(Evidence.of("expiry", t.expiry().map(DATE::format).orElse("none"), SOURCE));
        t.bypass2fa().ifPresent(b -> out.add(Evidence.of("bypass_2fa", b, SOURCE)));
        out.add(Evidence.of("CIDR", t.cidr().isEmpty() ? "any network" : String.join(", ", t.cidr()), SOURCE));
        t.created().ifPresent(c -> out.add(Evidence.of("created", DATE.format(c), SOURCE)));
        t.accessed().ifPresent(a -> out.add(Evidence.of("last used", DATE.format(a), SOURCE)));
        return out;
    }
}
