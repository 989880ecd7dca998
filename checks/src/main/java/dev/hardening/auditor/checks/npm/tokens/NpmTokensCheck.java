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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code npm.tokens}: the tokens of the account that owns the supplied npm token
 * ({@code GET /-/npm/v1/tokens}), one finding per token, named by its key prefix. A write token
 * without expiry, or one that bypasses 2FA, FAIL; a write token valid for more than 90 days or usable
 * from any network, and any token unused for more than 90 days, WARN; otherwise PASS. More than
 * {@value #MANY_WRITE_TOKENS} write tokens adds one WARN for the account.
 */
public final class NpmTokensCheck implements Check {
    static final String SOURCE = "GET /-/npm/v1/tokens";
    static final Duration MAX_LIFETIME = Duration.ofDays(90);
    static final Duration STALE = Duration.ofDays(90);
    static final int MANY_WRITE_TOKENS = 3;
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
        long writeTokens = live.stream().filter(NpmToken::canWrite).count();
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
        List<Evidence> evidence = evidence(token);
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
        if (token.expiry().filter(now::isAfter).isPresent()) {
            return context.pass(subject, "Token " + token.keyPrefix() + "… expired on " + DATE.format(token.expiry().get())
                    + " and can no longer be used.", evidence);
        }
        String kind = token.canWrite() ? "Write token " : "Read-only token ";
        String of = token.canWrite() ? " (one of " + writeTokens + " that can publish)" : "";
        if (!fails.isEmpty() || !warns.isEmpty()) {
            List<String> all = new ArrayList<>(fails);
            all.addAll(warns);
            String message = kind + token.keyPrefix() + "…" + of + ": " + String.join("; ", all) + "."
                    + (token.canWrite() ? " A token stolen from a laptop or CI log publishes as you, as in eslint-scope"
                    + " and Shai-Hulud." : " Revoke tokens nobody uses.");
            return context.finding(fails.isEmpty() ? Status.WARN : Status.FAIL, subject, message, "", evidence);
        }
        return context.pass(subject, kind + token.keyPrefix() + "…" + of + (token.canWrite()
                ? " expires within 90 days and only works from " + String.join(", ", token.cidr()) + "."
                : " cannot publish" + (token.cidr().isEmpty() ? "." : " and only works from " + String.join(", ", token.cidr()) + ".")),
                evidence);
    }

    /** Key prefix and dates, never the token. */
    private static List<Evidence> evidence(NpmToken t) {
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.of("key", t.keyPrefix() + "…", SOURCE));
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
